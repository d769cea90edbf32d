package io.electa.support.idempotency;

import com.google.protobuf.Message;
import io.electa.support.audit.AuditColumns;

import io.electa.support.grpc.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The answer store on the reactive PostgreSQL client (a pool, or a connection in a transaction). */
public final class PgStoreStatements implements StoreStatements {
    private final SqlClient db;

    public PgStoreStatements(SqlClient db) {
        this.db = db;
    }

    @Override
    public Uni<Boolean> claim(RequestKey key, Instant now) {
        return db.preparedQuery(StoreSql.CLAIM)
                .execute(Tuple.of(key.requestId(), key.method(), key.fingerprint(), Timestamps.toSql(now)))
                .map(rows -> rows.size() == 1);
    }

    @Override
    public Uni<StoredRequest> find(String requestId) {
        return db.preparedQuery(StoreSql.FIND)
                .execute(Tuple.of(requestId))
                .map(rows -> rows.size() == 0 ? null : toStored(rows.iterator().next()));
    }

    @Override
    public Uni<Void> complete(RequestKey key, Message response) {
        return db.preparedQuery(StoreSql.COMPLETE)
                .execute(audited(Tuple.of(key.requestId(), key.fingerprint(), Buffer.buffer(response.toByteArray())),
                        key, response))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> insertAnswered(RequestKey key, Message response, Instant now) {
        return db.preparedQuery(StoreSql.INSERT_ANSWERED)
                .execute(audited(Tuple.of(key.requestId(), key.method(), key.fingerprint(),
                        Buffer.buffer(response.toByteArray()), Timestamps.toSql(now)), key, response))
                .replaceWithVoid();
    }

    @Override
    public Uni<Map<String, StoredRequest>> findAll(List<String> requestIds) {
        return db.preparedQuery(StoreSql.FIND_ALL)
                .execute(Tuple.of(requestIds.toArray(new String[0])))
                .map(rows -> {
                    Map<String, StoredRequest> found = new HashMap<>();
                    rows.forEach(row -> found.put(row.getString("request_id"), toStored(row)));
                    return found;
                });
    }

    private static Tuple audited(Tuple tuple, RequestKey key, Message response) {
        AuditColumns.values(key.audit().answered(response)).forEach(tuple::addValue);
        return tuple;
    }

    private static StoredRequest toStored(Row row) {
        var response = row.getBuffer("response");
        return new StoredRequest(row.getString("request_id"), row.getString("method"),
                row.getString("request_sha256"), response == null ? null : response.getBytes());
    }
}
