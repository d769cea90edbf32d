package io.electa.support.idempotency;

import com.google.protobuf.Message;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;

/**
 * The request_id of a client stream, claimed for the stream's whole life. A stream's effect is
 * written in many transactions, and its fingerprint is known only at its end, so the claim is a
 * transaction of its own, on a connection of its own, open from the header to the answer: a twin
 * stream's claim waits for it (as long as the database lets a statement wait), a retry after it
 * committed finds the answer, and if the stream fails or its server dies, the claim rolls back
 * and a retry acts. See {@link Answers} for the rule every request follows.
 */
public interface StreamClaim {

    /**
     * Claims {@code requestId} for a stream of {@code method}. The claim stays open while the
     * stream is idle for up to {@code idleLimit}.
     */
    static Uni<StreamClaim> open(Pool pool, String requestId, String method, Duration idleLimit) {
        return PgStreamClaim.open(pool, requestId, method, idleLimit);
    }

    /** Whether this stream owns the request_id (false: it was answered before, see {@link #stored()}). */
    boolean claimed();

    /** The request answered before under this request_id, when the claim found one. */
    StoredRequest stored();

    /** Stores the stream's fingerprint and answer and commits the claim. */
    Uni<Void> complete(RequestKey key, Message answer);

    /** Gives the claim up (rolls it back); safe to call more than once. */
    void release();
}
