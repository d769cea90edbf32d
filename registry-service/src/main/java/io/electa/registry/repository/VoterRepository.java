package io.electa.registry.repository;

import io.electa.registry.domain.Voter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads of the roll: plain SQL over the reactive client (the roll is too large for entities). */
@ApplicationScoped
public class VoterRepository {
    private static final String COLUMNS =
            "election_id, national_id, family_name, given_name, date_of_birth, station_code";

    private final Pool pool;

    public VoterRepository(Pool pool) {
        this.pool = pool;
    }

    /** The voter's roll entry, or null. */
    public Uni<Voter> find(String electionId, String nationalId) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM voter WHERE election_id = $1 AND national_id = $2")
                .execute(Tuple.of(electionId, nationalId))
                .map(VoterRepository::firstOrNull);
    }

    /** A station's roll ordered by family name, given name and national ID. */
    public Multi<Voter> stationRoll(String electionId, String stationCode) {
        return pool.preparedQuery("SELECT " + COLUMNS + " FROM voter WHERE election_id = $1 AND station_code = $2"
                        + " ORDER BY family_name, given_name, national_id")
                .execute(Tuple.of(electionId, stationCode))
                .onItem().transformToMulti(rows -> Multi.createFrom().iterable(rows))
                .map(VoterRepository::toVoter);
    }

    private static Voter firstOrNull(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? toVoter(iterator.next()) : null;
    }

    private static Voter toVoter(Row row) {
        return new Voter(row.getString("election_id"), row.getString("national_id"),
                row.getString("family_name"), row.getString("given_name"),
                row.getLocalDate("date_of_birth"), row.getString("station_code"));
    }
}
