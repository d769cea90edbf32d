package io.electa.tally.repository;

import com.google.protobuf.Message;
import io.electa.support.grpc.Timestamps;
import io.electa.support.idempotency.ProcessedRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers of completed mutating requests, read and written inside the ledger transaction so that
 * an answer is stored exactly when its effect is.
 */
@ApplicationScoped
public class ProcessedRequestSql {
    private static final String FIND = "SELECT request_id, method, request_sha256, response, created_at"
            + " FROM processed_request WHERE request_id = $1";
    private static final String FIND_ALL = "SELECT request_id, method, request_sha256, response, created_at"
            + " FROM processed_request WHERE request_id = ANY($1)";
    private static final String INSERT = "INSERT INTO processed_request"
            + " (request_id, method, request_sha256, response, created_at) VALUES ($1, $2, $3, $4, $5)";

    /** The stored answer, or null. */
    public Uni<ProcessedRequest> find(SqlClient db, String requestId) {
        return db.preparedQuery(FIND)
                .execute(Tuple.of(requestId))
                .map(rows -> rows.size() == 0 ? null : toProcessed(rows.iterator().next()));
    }

    /** The stored answers of these request ids, by id. */
    public Uni<Map<String, ProcessedRequest>> findAll(SqlClient db, List<String> requestIds) {
        return db.preparedQuery(FIND_ALL)
                .execute(Tuple.of(requestIds.toArray(new String[0])))
                .map(rows -> {
                    Map<String, ProcessedRequest> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("request_id"), toProcessed(row)));
                    return found;
                });
    }

    public Uni<Void> insert(SqlClient tx, String requestId, String method, String fingerprint, Message response,
            Instant now) {
        return tx.preparedQuery(INSERT)
                .execute(Tuple.of(requestId, method, fingerprint, Buffer.buffer(response.toByteArray()),
                        Timestamps.toSql(now)))
                .replaceWithVoid();
    }

    private static ProcessedRequest toProcessed(Row row) {
        return ProcessedRequest.of(row.getString("request_id"), row.getString("method"),
                row.getString("request_sha256"), row.getBuffer("response").getBytes(),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
