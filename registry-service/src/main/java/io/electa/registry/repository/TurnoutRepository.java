package io.electa.registry.repository;

import io.electa.registry.domain.Turnout;
import io.electa.registry.domain.TurnoutScope;
import io.electa.support.domain.Page;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Turnout counters: one row per station, summed per district or nation on read. */
@ApplicationScoped
public class TurnoutRepository {
    private static final String SUMS = "SELECT coalesce(sum(registered), 0)::bigint AS registered,"
            + " coalesce(sum(voted), 0)::bigint AS voted, count(*) AS stations,"
            + " min(district_code) AS district_code FROM turnout_counter WHERE election_id = $1";

    private static final String STATIONS = "SELECT station_code, district_code, registered, voted"
            + " FROM turnout_counter WHERE election_id = $1 AND ($2 = '' OR district_code = $2)"
            + " AND station_code > $3 ORDER BY station_code LIMIT $4";

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

    /** One page of per-station figures of the election (or of one district), after {@code afterStation}. */
    public Uni<Page<Turnout>> stations(String electionId, String district, String afterStation, int size) {
        Instant now = Instant.now();
        return pool.preparedQuery(STATIONS)
                .execute(Tuple.of(electionId, district, afterStation, size + 1))
                .map(rows -> {
                    List<Turnout> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(new Turnout(electionId,
                            TurnoutScope.station(row.getString("station_code")), row.getString("district_code"),
                            row.getLong("registered"), row.getLong("voted"), 1, now)));
                    return Page.of(found, size, t -> t.scope().code());
                });
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
