package io.electa.support.idempotency;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.electa.support.audit.AuditDraft;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What one mutating request is, for the answer store: its request_id, its method and a
 * fingerprint of everything else it carries. Two requests with the same request_id are twins
 * when method and fingerprint agree; otherwise the request_id was reused for another request.
 * It also carries the draft of the change's audit event, taken from the request and its caller
 * when the key is made; the event is written with the answer.
 */
public record RequestKey(String requestId, String method, String fingerprint, AuditDraft audit) {
    private static final String REQUEST_ID = "request_id";

    /** A key that only claims its request_id (it is never completed with an answer). */
    public RequestKey(String requestId, String method, String fingerprint) {
        this(requestId, method, fingerprint, AuditDraft.NONE);
    }

    /** The key of a unary request: SHA-256 of its encoding without its request_id field. */
    public static RequestKey of(String requestId, Message request) {
        FieldDescriptor field = request.getDescriptorForType().findFieldByName(REQUEST_ID);
        Message content = field == null ? request : request.toBuilder().clearField(field).build();
        MessageDigest sha256 = sha256();
        sha256.update(content.toByteArray());
        return new RequestKey(requestId, request.getDescriptorForType().getFullName(), hex(sha256),
                AuditDraft.of(request));
    }

    /**
     * A running fingerprint of a stream of {@code method} (the full gRPC method name): its
     * header without request_id, then every message.
     */
    public static Running running(String method, Message header) {
        return new Running(method, header);
    }

    /** The fingerprint of a stream of messages, fed as they arrive. */
    public static final class Running {
        private final String method;
        private final String requestId;
        private final AuditDraft audit;
        private final MessageDigest sha256 = sha256();

        private Running(String method, Message header) {
            FieldDescriptor field = header.getDescriptorForType().findFieldByName(REQUEST_ID);
            this.method = method;
            this.requestId = field == null ? "" : (String) header.getField(field);
            this.audit = AuditDraft.of(header);
            add(field == null ? header : header.toBuilder().clearField(field).build());
        }

        /** Adds the next message of the stream (length-prefixed, so message borders count). */
        public void add(Message message) {
            byte[] bytes = message.toByteArray();
            sha256.update(java.nio.ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
            sha256.update(bytes);
        }

        /** The key of the whole stream; call once, after the last message. */
        public RequestKey finish() {
            return new RequestKey(requestId, method, hex(sha256), audit);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
