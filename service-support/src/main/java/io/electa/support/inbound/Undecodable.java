package io.electa.support.inbound;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A request that could not be decoded, passed on as an empty message of its type that carries,
 * in an unknown field, where the encoding broke. The mark holds a secret of this process, so no
 * client can forge it; {@link InboundGuard} answers such a request with INVALID_ARGUMENT.
 */
final class Undecodable {
    /** The highest field number protobuf allows: no contract uses it. */
    private static final int MARK_FIELD = 536_870_911;
    private static final String SECRET = HexFormat.of().formatHex(SecureRandom.getSeed(16)) + ":";

    private Undecodable() {
    }

    /** An empty {@code prototype} marked as undecodable at {@code path}. */
    @SuppressWarnings("unchecked")
    static <T extends Message> T mark(T prototype, String path) {
        UnknownFieldSet mark = UnknownFieldSet.newBuilder()
                .addField(MARK_FIELD, UnknownFieldSet.Field.newBuilder()
                        .addLengthDelimited(ByteString.copyFrom(SECRET + path, StandardCharsets.UTF_8))
                        .build())
                .build();
        return (T) prototype.newBuilderForType().setUnknownFields(mark).build();
    }

    /** The path where {@code message} failed to decode, or null when it decoded. */
    static String brokenAt(Message message) {
        UnknownFieldSet unknown = message.getUnknownFields();
        if (!unknown.hasField(MARK_FIELD)) {
            return null;
        }
        for (ByteString value : unknown.getField(MARK_FIELD).getLengthDelimitedList()) {
            String text = value.toString(StandardCharsets.UTF_8);
            if (text.startsWith(SECRET)) {
                return text.substring(SECRET.length());
            }
        }
        return null;
    }
}
