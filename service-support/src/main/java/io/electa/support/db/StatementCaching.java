package io.electa.support.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Future;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Creates the services' PostgreSQL pool so that every statement they prepare stays prepared on
 * its connection, however long its text. The Vert.x client caches prepared statements
 * ({@code quarkus.datasource.reactive.cache-prepared-statements}) only up to 2,048 characters of
 * SQL by default, which Quarkus offers no setting for; a mark, a protocol batch and the answer
 * store's audited writes are longer, so without this PostgreSQL parsed and planned them anew on
 * every call (measured: about ten times the CPU of the single-row insert floor per mark).
 */
@Singleton
public class StatementCaching implements PgPoolCreator {
    /** Longer than any statement the services send. */
    static final int SQL_LIMIT = 64 * 1024;

    @Override
    public Pool create(Input input) {
        return pool(input, options -> { });
    }

    /** The pool {@code input} describes, its statements kept prepared, each server's options adjusted by {@code adjust}. */
    static Pool pool(Input input, Consumer<PgConnectOptions> adjust) {
        List<PgConnectOptions> servers = input.pgConnectOptionsList();
        for (PgConnectOptions options : servers) {
            options.setPreparedStatementCacheSqlLimit(SQL_LIMIT);
            adjust.accept(options);
        }
        AtomicInteger next = new AtomicInteger();
        Supplier<Future<SqlConnectOptions>> roundRobin = () -> Future.succeededFuture(
                servers.get(Math.floorMod(next.getAndIncrement(), servers.size())));
        return PgBuilder.pool()
                .with(input.poolOptions())
                .connectingTo(roundRobin)
                .using(input.vertx())
                .build();
    }
}
