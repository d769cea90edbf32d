package io.electa.registry.repository;

import io.electa.registry.domain.Turnout;
import io.electa.registry.domain.TurnoutScope;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Turnout counters: one row per station, summed per district or nation on read. */
@ApplicationScoped
public class TurnoutRepository {
    private static final String SUMS = "SELECT coalesce(sum(registered), 0)::bigint AS registered,"
            + " coalesce(sum(voted), 0)::bigint AS voted, count(*) AS stations,"
            + " min(district_code) AS district_code FROM turnout_counter WHERE election_id = $1";

    private final Pool pool;

    public TurnoutRepository(Pool pool) {
        this.pool = pool;
    }

    /** Current figures of the scope (zeros before the roll is frozen). */
    public Uni<Turnout> read(String electionId, TurnoutScope scope) {
        return switch (scope.level()) {
            case NATION -> query(electionId, scope, SUMS, Tuple.of(electionId));
            case DISTRICT -> query(electionId, scope, SUMS + " AND district_code = $2", Tuple.of(electionId, scope.code()));
            case STATION -> query(electionId, scope, SUMS + " AND station_code = $2", Tuple.of(electionId, scope.code()));
        };
    }

    private Uni<Turnout> query(String electionId, TurnoutScope scope, String sql, Tuple args) {
        return pool.preparedQuery(sql)
                .execute(args)
                .map(rows -> toTurnout(electionId, scope, rows.iterator().next()));
    }

    private static Turnout toTurnout(String electionId, TurnoutScope scope, Row row) {
        String district = scope.level() == TurnoutScope.Level.NATION ? "" : row.getString("district_code");
        return new Turnout(electionId, scope, district == null ? "" : district, row.getLong("registered"),
                row.getLong("voted"), row.getLong("stations"), Instant.now());
    }
}
