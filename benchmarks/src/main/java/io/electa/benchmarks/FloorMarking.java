package io.electa.benchmarks;

import io.electa.scenario.SyntheticVoter;
import io.electa.scenario.VoterGenerator;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * The marking floor: what PostgreSQL alone does with the same load, one JDBC connection per
 * client, each mark a single-row {@code INSERT ... ON CONFLICT DO NOTHING} committed on its own
 * into {@code vote_mark_floor}, a twin of {@code vote_mark}: a fresh random 10-digit national id
 * (as pgbench's floor inserts, so that the rounds never run out of voters and the table grows as
 * the marks do) at voter {@code index}'s station.
 */
final class FloorMarking implements ClosedLoopLoad.Client {
    static final String TABLE = "vote_mark_floor";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (election_id, national_id, station_code, marked_at, request_id, absentee)"
            + " VALUES (?, ?, ?, clock_timestamp(), ?, false) ON CONFLICT DO NOTHING";

    private final Connection connection;
    private final PreparedStatement insert;
    private final String electionId;
    private final VoterGenerator voters;
    private final SplittableRandom random = new SplittableRandom();

    private FloorMarking(Connection connection, String electionId, VoterGenerator voters) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(INSERT);
        this.electionId = electionId;
        this.voters = voters;
    }

    /** Creates the empty twin table. */
    static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + TABLE + " (LIKE vote_mark INCLUDING ALL)");
        }
    }

    static ClosedLoopLoad.ClientFactory<ClosedLoopLoad.Client> clients(BenchDatabase database, String electionId, VoterGenerator voters) {
        return k -> new FloorMarking(database.connect(), electionId, voters);
    }

    @Override
    public void call(long voterIndex) throws SQLException {
        SyntheticVoter voter = voters.voter(voterIndex % voters.count());
        insert.setString(1, electionId);
        insert.setString(2, Long.toString(1_000_000_000L + random.nextLong(9_000_000_000L)));
        insert.setString(3, voter.stationCode());
        insert.setString(4, "mark-" + voterIndex);
        insert.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
