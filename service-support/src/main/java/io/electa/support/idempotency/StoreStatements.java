package io.electa.support.idempotency;

import com.google.protobuf.Message;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The answer store's statements (table {@code processed_request}), run on the caller's
 * transaction so that a request's answer commits exactly when its effect does. Implemented for
 * the reactive PostgreSQL client ({@link PgStoreStatements}) and for a Hibernate Reactive
 * session ({@link SessionStoreStatements}); both run the same SQL ({@link StoreSql}).
 */
public interface StoreStatements {

    /**
     * Claims {@code key}'s request_id for this transaction: true when it was free. When a twin's
     * transaction holds it, this waits until that one commits (false: the answer is stored) or
     * rolls back (true: now it is ours). False also when the request_id was answered before.
     */
    Uni<Boolean> claim(RequestKey key, Instant now);

    /** The stored request, or null. */
    Uni<StoredRequest> find(String requestId);

    /**
     * Stores the answer of a claimed request_id (and its fingerprint, for streams) and writes the
     * change's audit event (the key's draft completed by the answer).
     */
    Uni<Void> complete(RequestKey key, Message response);

    /**
     * Stores a request and its answer at once (for writers that serialise twins themselves), with
     * the change's audit event.
     */
    Uni<Void> insertAnswered(RequestKey key, Message response, Instant now);

    /** The stored requests of these request_ids, by request_id. */
    Uni<Map<String, StoredRequest>> findAll(List<String> requestIds);
}
