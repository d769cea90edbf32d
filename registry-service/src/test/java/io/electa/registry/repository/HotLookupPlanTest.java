package io.electa.registry.repository;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.electa.registry.RegistryTestSupport;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The hot statements that look voters up by (election_id, national_id), now that {@code voter} is
 * partitioned by election: each lookup is still an index lookup, in the election's partition only.
 * The statements run as the writers run them (a generic plan, planned once per connection) under
 * EXPLAIN ANALYZE, in a transaction rolled back afterwards.
 */
@QuarkusTest
class HotLookupPlanTest extends RegistryTestSupport {
    @Inject
    AgroalDataSource dataSource;

    private String election;
    private String roll;

    @BeforeEach
    void twoLoadedRolls() throws SQLException {
        importVoters(electionWithStations(), IntStream.range(0, 2_000).mapToObj(n -> voter(n, "S1")).toList());
        election = electionWithStations();
        importVoters(election, IntStream.range(0, 20_000).mapToObj(n -> voter(n, "S" + (1 + n % 3))).toList());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT voter_roll_table(?)")) {
            query.setString(1, election);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                roll = row.getString(1);
            }
        }
    }

    @Test
    void markBatchLooksVotersUpByKeyInTheirElectionsPartition() throws SQLException {
        List<String> plan = explain(MarkBatch.MARK, "'{%1$s,%1$s}'::text[], '{%2$s,%3$s}'::text[], '{S1,S2}'::text[],"
                + " '{plan-r1,plan-r2}'::text[], '{m,m}'::text[], '{f,f}'::text[], '{clerk,clerk}'::text[]");

        assertIndexLookupsInTheRollOnly(plan);
    }

    @Test
    void pollBookUploadLooksVotersUpByKeyInTheirElectionsPartition() throws SQLException {
        List<String> plan = explain(PollBookRepository.RECORD, "'%1$s', 'S1', '{%2$s,%3$s}'::text[],"
                + " '{2027-02-07T08:00:00Z,2027-02-07T08:01:00Z}'::timestamptz[], '{d1,d1}'::text[],"
                + " '{plan-r3,plan-r4}'::text[], '{f,f}'::text[], 'm', 'clerk'");

        assertIndexLookupsInTheRollOnly(plan);
    }

    private void assertIndexLookupsInTheRollOnly(List<String> plan) {
        assertThat(plan).as("the voter lookups, by the partition's primary key (an index scan, or a bitmap"
                + " index scan where the partition's statistics say the rows are scattered)").anySatisfy(line ->
                assertThat(line).containsAnyOf("Index Scan using " + roll + "_pkey on " + roll,
                        "Bitmap Index Scan on " + roll + "_pkey").doesNotContain("never executed"));
        assertThat(plan).as("no scan of the roll but by its key")
                .noneSatisfy(line -> assertThat(line).contains("Seq Scan on " + roll));
        assertThat(plan).as("other elections' rolls are not read").allSatisfy(line -> {
            if (line.matches(".*Scan.* on voter_[0-9a-f]{32}.*") && !line.contains(" on " + roll)) {
                assertThat(line).contains("never executed");
            }
        });
    }

    /** The plan of {@code sql} run with the arguments, formatted with the election and two of its voters. */
    private List<String> explain(String sql, String arguments) throws SQLException {
        String values = arguments.formatted(election, voter(1, "S1").getNationalId(), voter(2, "S1").getNationalId());
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                statement.execute("SET LOCAL plan_cache_mode = force_generic_plan");
                statement.execute("PREPARE hot_lookup AS " + sql);
                List<String> plan = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery(
                        "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) EXECUTE hot_lookup(" + values + ")")) {
                    while (rows.next()) {
                        plan.add(rows.getString(1));
                    }
                }
                return plan;
            } finally {
                connection.rollback();
                statement.execute("DEALLOCATE ALL");
                connection.setAutoCommit(true);
            }
        }
    }
}
