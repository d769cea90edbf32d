package io.electa.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.support.db.WritersPool;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The registry's statements are long (a mark is one statement of about 2,400 characters): the
 * pool keeps them prepared on their connection, so PostgreSQL parses and plans them once per
 * connection instead of on every call. The marking writers' own connections plan it once too.
 */
@QuarkusTest
class StatementCachingTest {
    /** Longer than the Vert.x client's default limit (2,048 characters) for caching a statement. */
    private static final String LONG_STATEMENT = "SELECT $1::int + 1 AS next /* " + "x".repeat(3_000) + " */";

    @Inject
    Pool pool;

    @Inject
    @ReactiveDataSource(WritersPool.NAME)
    Pool writers;

    @Test
    void aLongStatementIsPreparedOnceAndStaysPreparedOnItsConnection() {
        long prepared = pool.withConnection(connection -> connection.preparedQuery(LONG_STATEMENT)
                        .execute(Tuple.of(1))
                        .chain(() -> connection.preparedQuery(LONG_STATEMENT).execute(Tuple.of(2)))
                        .invoke(rows -> assertThat(rows.iterator().next().getInteger("next")).isEqualTo(3))
                        .chain(() -> connection.preparedQuery(
                                "SELECT count(*) FROM pg_prepared_statements WHERE statement = $1")
                                .execute(Tuple.of(LONG_STATEMENT))))
                .map(rows -> rows.iterator().next().getLong(0))
                .await().atMost(Duration.ofSeconds(30));

        assertThat(prepared).isEqualTo(1);
    }

    @Test
    void theMarkingWritersPlanTheirBatchStatementOnceWhileOtherStatementsArePlannedForTheirArguments() {
        assertThat(planCacheMode(writers)).isEqualTo("force_generic_plan");
        assertThat(planCacheMode(pool)).isEqualTo("auto");
    }

    private static String planCacheMode(Pool pool) {
        return pool.query("SHOW plan_cache_mode").execute()
                .map(rows -> rows.iterator().next().getString(0))
                .await().atMost(Duration.ofSeconds(30));
    }
}
