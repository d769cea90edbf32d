package io.electa.support.idempotency;

import com.google.protobuf.Message;
import io.electa.support.audit.AuditColumns;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/** The answer store in a Hibernate Reactive session (the Panache transaction of the effect). */
public final class SessionStoreStatements implements StoreStatements {
    private final Mutiny.Session session;

    public SessionStoreStatements(Mutiny.Session session) {
        this.session = session;
    }

    @Override
    public Uni<Boolean> claim(RequestKey key, Instant now) {
        return session.createNativeQuery(StoreSql.positional(StoreSql.CLAIM), String.class)
                .setParameter(1, key.requestId())
                .setParameter(2, key.method())
                .setParameter(3, key.fingerprint())
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .getResultList()
                .map(rows -> rows.size() == 1);
    }

    @Override
    public Uni<StoredRequest> find(String requestId) {
        return session.createNativeQuery(StoreSql.positional(StoreSql.FIND), Object[].class)
                .setParameter(1, requestId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? null : toStored(rows.get(0)));
    }

    @Override
    public Uni<Void> complete(RequestKey key, Message response) {
        var statement = session.createNativeQuery(StoreSql.positional(StoreSql.COMPLETE))
                .setParameter(1, key.requestId())
                .setParameter(2, key.fingerprint())
                .setParameter(3, response.toByteArray());
        return audited(statement, 4, key, response).executeUpdate().replaceWithVoid();
    }

    @Override
    public Uni<Void> insertAnswered(RequestKey key, Message response, Instant now) {
        var statement = session.createNativeQuery(StoreSql.positional(StoreSql.INSERT_ANSWERED))
                .setParameter(1, key.requestId())
                .setParameter(2, key.method())
                .setParameter(3, key.fingerprint())
                .setParameter(4, response.toByteArray())
                .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        return audited(statement, 6, key, response).executeUpdate().replaceWithVoid();
    }

    @Override
    public Uni<Map<String, StoredRequest>> findAll(List<String> requestIds) {
        return session.createNativeQuery(StoreSql.positional(StoreSql.FIND_ALL), Object[].class)
                .setParameter(1, requestIds.toArray(new String[0]))
                .getResultList()
                .map(rows -> {
                    Map<String, StoredRequest> found = new HashMap<>();
                    rows.forEach(row -> found.put((String) row[0], toStored(row)));
                    return found;
                });
    }

    private static Mutiny.MutationQuery audited(Mutiny.MutationQuery statement, int first, RequestKey key,
            Message response) {
        List<Object> values = AuditColumns.values(key.audit().answered(response));
        for (int i = 0; i < values.size(); i++) {
            statement.setParameter(first + i, values.get(i));
        }
        return statement;
    }

    private static StoredRequest toStored(Object[] row) {
        return new StoredRequest((String) row[0], (String) row[1], (String) row[2], (byte[]) row[3]);
    }
}
