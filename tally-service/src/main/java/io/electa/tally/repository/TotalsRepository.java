package io.electa.tally.repository;

import io.electa.tally.domain.Contribution;
import io.electa.tally.domain.DistrictTotals;
import io.electa.tally.domain.TotalsSnapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * District totals, moved by the difference whenever a protocol starts or stops counting, in the
 * transaction that records the change in the ledger. A read never scans protocols.
 */
@ApplicationScoped
public class TotalsRepository {
    private static final String ADD = "INSERT INTO district_totals (election_id, district_code, voters_registered,"
            + " ballots_issued, ballots_found, ballots_valid, ballots_invalid, stations_reported, stations_excluded,"
            + " candidate_votes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
            + " ON CONFLICT (election_id, district_code) DO UPDATE SET"
            + " voters_registered = district_totals.voters_registered + EXCLUDED.voters_registered,"
            + " ballots_issued = district_totals.ballots_issued + EXCLUDED.ballots_issued,"
            + " ballots_found = district_totals.ballots_found + EXCLUDED.ballots_found,"
            + " ballots_valid = district_totals.ballots_valid + EXCLUDED.ballots_valid,"
            + " ballots_invalid = district_totals.ballots_invalid + EXCLUDED.ballots_invalid,"
            + " stations_reported = district_totals.stations_reported + EXCLUDED.stations_reported,"
            + " stations_excluded = district_totals.stations_excluded + EXCLUDED.stations_excluded,"
            + " candidate_votes = (SELECT coalesce(array_agg(coalesce(a, 0) + coalesce(b, 0) ORDER BY i), '{}')"
            + " FROM unnest(district_totals.candidate_votes, EXCLUDED.candidate_votes) WITH ORDINALITY AS t(a, b, i))";
    private static final String SNAPSHOT = "SELECT h.sequence AS head_sequence, h.certified, d.district_code,"
            + " d.voters_registered, d.ballots_issued, d.ballots_found, d.ballots_valid, d.ballots_invalid,"
            + " d.stations_reported, d.stations_excluded, d.candidate_votes"
            + " FROM ledger_head h LEFT JOIN district_totals d ON d.election_id = h.election_id"
            + " WHERE h.election_id = $1";

    /** Adds {@code c} (negated when it stops counting) and {@code excluded} stations to the district. */
    public Uni<Void> add(SqlClient tx, String electionId, String districtCode, Contribution c, int excluded) {
        Long[] votes = Arrays.stream(c.votes()).boxed().toArray(Long[]::new);
        return tx.preparedQuery(ADD)
                .execute(Tuple.from(List.of(electionId, districtCode, c.registered(), c.issued(), c.found(),
                        c.valid(), c.invalid(), c.stations(), excluded, votes)))
                .replaceWithVoid();
    }

    /** Every district's totals and the ledger sequence they reflect, consistently. */
    public Uni<TotalsSnapshot> snapshot(SqlClient db, String electionId) {
        return db.preparedQuery(SNAPSHOT)
                .execute(Tuple.of(electionId))
                .map(rows -> {
                    long sequence = 0;
                    boolean certified = false;
                    Map<String, DistrictTotals> districts = new HashMap<>();
                    for (Row row : rows) {
                        sequence = row.getLong("head_sequence");
                        certified = row.getBoolean("certified");
                        if (row.getString("district_code") != null) {
                            DistrictTotals t = toTotals(row);
                            districts.put(t.districtCode(), t);
                        }
                    }
                    return new TotalsSnapshot(sequence, certified, districts);
                });
    }

    private static DistrictTotals toTotals(Row row) {
        Long[] votes = row.getArrayOfLongs("candidate_votes");
        Contribution counted = new Contribution(row.getLong("voters_registered"), row.getLong("ballots_issued"),
                row.getLong("ballots_found"), row.getLong("ballots_valid"), row.getLong("ballots_invalid"),
                row.getInteger("stations_reported"), Arrays.stream(votes).mapToLong(Long::longValue).toArray());
        return new DistrictTotals(row.getString("district_code"), counted, row.getInteger("stations_excluded"));
    }
}
