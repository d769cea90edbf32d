package io.electa.support.inbound;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds where in a message's wire bytes the encoding is broken, for a message that protobuf
 * refused to parse: the path of the first string field whose bytes are not valid UTF-8 (e.g.
 * "header.election_id" or "rows[12].national_id"), or "" when the bytes are not protobuf at all.
 */
final class WireCheck {
    /** Deeper nesting than this is not inspected (protobuf's own parser stops at 100). */
    private static final int MAX_DEPTH = 100;

    private WireCheck() {
    }

    /** The path of the first string field that is not valid UTF-8, or "" when none is found. */
    static String firstBrokenField(Descriptor type, byte[] bytes) {
        try {
            String path = scan(type, CodedInputStream.newInstance(bytes), "", 0);
            return path == null ? "" : path;
        } catch (IOException | RuntimeException malformed) {
            return "";
        }
    }

    private static String scan(Descriptor type, CodedInputStream in, String prefix, int depth) throws IOException {
        Map<Integer, Integer> seen = new HashMap<>();
        while (!in.isAtEnd()) {
            int tag = in.readTag();
            FieldDescriptor field = type.findFieldByNumber(WireFormat.getTagFieldNumber(tag));
            if (field == null || WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
                in.skipField(tag);
                continue;
            }
            ByteString value = in.readBytes();
            String path = prefix + field.getName();
            if (field.isRepeated() && !field.isMapField()) {
                int index = seen.merge(field.getNumber(), 1, Integer::sum) - 1;
                path += "[" + index + "]";
            }
            if (field.getType() == FieldDescriptor.Type.STRING && !value.isValidUtf8()) {
                return path;
            }
            if (field.getType() == FieldDescriptor.Type.MESSAGE && depth < MAX_DEPTH) {
                String inner = scan(field.getMessageType(), value.newCodedInput(), path + ".", depth + 1);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
