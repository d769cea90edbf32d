package io.electa.support.idempotency;

import com.google.protobuf.Message;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import java.time.Duration;

/** A {@link StreamClaim} held by a transaction on a connection of its own. */
final class PgStreamClaim implements StreamClaim {
    private final SqlConnection connection;
    private final Transaction transaction;
    private final StoredRequest stored;
    private boolean open = true;

    private PgStreamClaim(SqlConnection connection, Transaction transaction, StoredRequest stored) {
        this.connection = connection;
        this.transaction = transaction;
        this.stored = stored;
    }

    /** See {@link StreamClaim#open}. */
    static Uni<StreamClaim> open(Pool pool, String requestId, String method, Duration idleLimit) {
        RequestKey pending = new RequestKey(requestId, method, "");
        return pool.getConnection().chain(connection -> connection.begin()
                .call(() -> connection.query("SET LOCAL idle_in_transaction_session_timeout = "
                        + idleLimit.toMillis()).execute())
                .chain(transaction -> {
                    PgStoreStatements statements = new PgStoreStatements(connection);
                    return Answers.claim(statements, pending)
                            .chain(claimed -> claimed ? Uni.createFrom().<StoredRequest>nullItem()
                                    : statements.find(requestId))
                            .map(stored -> (StreamClaim) new PgStreamClaim(connection, transaction, stored));
                })
                .onFailure().call(() -> connection.close()));
    }

    @Override
    public boolean claimed() {
        return stored == null;
    }

    @Override
    public StoredRequest stored() {
        return stored;
    }

    @Override
    public Uni<Void> complete(RequestKey key, Message answer) {
        open = false;
        return new PgStoreStatements(connection).complete(key, answer)
                .chain(transaction::commit)
                .eventually(connection::close);
    }

    @Override
    public void release() {
        if (!open) {
            return;
        }
        open = false;
        transaction.rollback()
                .eventually(connection::close)
                .subscribe().with(ignored -> { }, ignored -> { });
    }
}
