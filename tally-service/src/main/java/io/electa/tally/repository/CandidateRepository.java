package io.electa.tally.repository;

import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.NominationType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The candidate list of each election, replaced as a whole. */
@ApplicationScoped
public class CandidateRepository {
    private static final String DELETE = "DELETE FROM candidate WHERE election_id = $1";
    private static final String INSERT = "INSERT INTO candidate (election_id, candidate_code, full_name,"
            + " nomination_type, party_name, ballot_order) VALUES ($1, $2, $3, $4, $5, $6)";
    private static final String LIST = "SELECT candidate_code, full_name, nomination_type, party_name, ballot_order"
            + " FROM candidate WHERE election_id = $1 ORDER BY ballot_order";

    public Uni<Void> replace(SqlClient tx, String electionId, List<Candidate> candidates) {
        List<Tuple> rows = candidates.stream()
                .map(c -> Tuple.of(electionId, c.getCandidateCode(), c.getFullName(),
                        (short) c.getNominationType().getNumber(), c.getPartyName(), c.getBallotOrder()))
                .toList();
        return tx.preparedQuery(DELETE).execute(Tuple.of(electionId))
                .chain(() -> tx.preparedQuery(INSERT).executeBatch(rows))
                .replaceWithVoid();
    }

    /** The election's candidates by ballot order (empty when none are defined). */
    public Uni<List<Candidate>> list(SqlClient db, String electionId) {
        return db.preparedQuery(LIST)
                .execute(Tuple.of(electionId))
                .map(rows -> {
                    List<Candidate> candidates = new ArrayList<>(rows.size());
                    rows.forEach(row -> candidates.add(Candidate.newBuilder()
                            .setElectionId(electionId)
                            .setCandidateCode(row.getString("candidate_code"))
                            .setFullName(row.getString("full_name"))
                            .setNominationType(NominationType.forNumber(row.getShort("nomination_type")))
                            .setPartyName(row.getString("party_name"))
                            .setBallotOrder(row.getInteger("ballot_order"))
                            .build()));
                    return candidates;
                });
    }
}
