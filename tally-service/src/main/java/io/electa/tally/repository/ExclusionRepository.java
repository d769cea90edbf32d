package io.electa.tally.repository;

import io.electa.support.domain.Page;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.v1.StationExclusion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Stations excluded from the count, with the reason. */
@ApplicationScoped
public class ExclusionRepository {
    private static final String INSERT = "INSERT INTO exclusion (election_id, station_code, district_code, reason,"
            + " excluded_by, exclude_time, ledger_sequence) VALUES ($1, $2, $3, $4, $5, $6, $7)";
    private static final String LIST = "SELECT station_code, district_code, reason, excluded_by, exclude_time,"
            + " ledger_sequence FROM exclusion WHERE election_id = $1 AND ($2 = '' OR district_code = $2)"
            + " AND station_code > $3 ORDER BY station_code LIMIT $4";

    public Uni<Void> insert(SqlClient tx, StationExclusion e) {
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(List.of(e.getElectionId(), e.getStationCode(), e.getDistrictCode(), e.getReason(),
                        e.getExcludedBy(), Timestamps.toSql(Timestamps.fromProto(e.getExcludeTime())),
                        e.getLedgerSequence())))
                .replaceWithVoid();
    }

    public Uni<Page<StationExclusion>> list(SqlClient db, String electionId, String district, String afterStation,
            int size) {
        return db.preparedQuery(LIST)
                .execute(Tuple.of(electionId, district, afterStation, size + 1))
                .map(rows -> {
                    List<StationExclusion> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(StationExclusion.newBuilder()
                            .setElectionId(electionId)
                            .setStationCode(row.getString("station_code"))
                            .setDistrictCode(row.getString("district_code"))
                            .setReason(row.getString("reason"))
                            .setExcludedBy(row.getString("excluded_by"))
                            .setExcludeTime(Timestamps.toProto(row.getOffsetDateTime("exclude_time").toInstant()))
                            .setLedgerSequence(row.getLong("ledger_sequence"))
                            .build()));
                    return Page.of(found, size, StationExclusion::getStationCode);
                });
    }
}
