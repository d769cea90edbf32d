package io.electa.tally.repository;

import io.electa.tally.domain.StationState;
import io.electa.tally.v1.ProtocolStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One row per station that has a protocol or an exclusion. */
@ApplicationScoped
public class StationTallyRepository {
    private static final String COLUMNS = "election_id, station_code, district_code, current_protocol_id,"
            + " current_version, current_status, counted_protocol_id, excluded";
    private static final String FIND = "SELECT " + COLUMNS + " FROM station_tally"
            + " WHERE election_id = $1 AND station_code = $2";
    private static final String SAVE = "INSERT INTO station_tally (" + COLUMNS + ")"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (election_id, station_code) DO UPDATE SET"
            + " current_protocol_id = EXCLUDED.current_protocol_id, current_version = EXCLUDED.current_version,"
            + " current_status = EXCLUDED.current_status, counted_protocol_id = EXCLUDED.counted_protocol_id,"
            + " excluded = EXCLUDED.excluded";
    private static final String OF_ELECTION = "SELECT " + COLUMNS + " FROM station_tally WHERE election_id = $1";
    private static final String SETTLED = "SELECT count(*) AS settled FROM station_tally"
            + " WHERE election_id = $1 AND (excluded OR counted_protocol_id IS NOT NULL)";

    /** The station's state, or null when it has neither protocol nor exclusion. */
    public Uni<StationState> find(SqlClient db, String electionId, String stationCode) {
        return db.preparedQuery(FIND)
                .execute(Tuple.of(electionId, stationCode))
                .map(rows -> rows.size() == 0 ? null : toState(rows.iterator().next()));
    }

    public Uni<Void> save(SqlClient tx, StationState s) {
        return tx.preparedQuery(SAVE)
                .execute(Tuple.from(Arrays.asList(s.electionId(), s.stationCode(), s.districtCode(),
                        s.currentProtocolId(), s.currentVersion(), (short) s.currentStatus().getNumber(),
                        s.countedProtocolId(), s.excluded())))
                .replaceWithVoid();
    }

    /** Every station of the election that has a protocol or an exclusion. */
    public Uni<List<StationState>> ofElection(SqlClient db, String electionId) {
        return db.preparedQuery(OF_ELECTION)
                .execute(Tuple.of(electionId))
                .map(rows -> {
                    List<StationState> states = new ArrayList<>(rows.size());
                    rows.forEach(row -> states.add(toState(row)));
                    return states;
                });
    }

    /** Stations that reported (their protocol counts) or are excluded. */
    public Uni<Long> settled(SqlClient db, String electionId) {
        return db.preparedQuery(SETTLED)
                .execute(Tuple.of(electionId))
                .map(rows -> rows.iterator().next().getLong("settled"));
    }

    private static StationState toState(Row row) {
        return new StationState(row.getString("election_id"), row.getString("station_code"),
                row.getString("district_code"), row.getUUID("current_protocol_id"), row.getInteger("current_version"),
                ProtocolStatus.forNumber(row.getShort("current_status")), row.getUUID("counted_protocol_id"),
                row.getBoolean("excluded"));
    }
}
