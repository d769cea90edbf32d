package io.electa.support.idempotency;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.common.v1.FieldViolationReason;
import io.electa.support.domain.InvalidArgumentException;

/**
 * A request the store holds: what it was, and its answer. The answer is null while the request
 * is being processed (only its own transaction sees that) and for requests whose answer lives
 * with their effect (a vote mark is its own answer).
 */
public record StoredRequest(String requestId, String method, String fingerprint, byte[] response) {

    /** Fails INVALID_ARGUMENT (REQUEST_ID_REUSED) unless {@code key} is the same request again. */
    public void requireSameAs(RequestKey key) {
        if (!method.equals(key.method()) || !fingerprint.equals(key.fingerprint())) {
            throw InvalidArgumentException.of("request_id", FieldViolationReason.REQUEST_ID_REUSED,
                    "was already used for a different request; use a new request_id for a new request");
        }
    }

    /** The stored answer of {@code key}'s request; fails when {@code key} is another request. */
    public <R extends Message> R answerTo(RequestKey key, Parser<R> parser) {
        requireSameAs(key);
        if (response == null) {
            throw new IllegalStateException("request " + requestId + " has no stored answer");
        }
        try {
            return parser.parseFrom(response);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("the stored answer of request " + requestId + " is unreadable", e);
        }
    }
}
