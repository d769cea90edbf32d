package io.electa.benchmarks;

import io.electa.scenario.VoterGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Part A's floor and the physical limits the design can move. The roll is written to a file
 * before any clock starts; then the same file is loaded with COPY (as psql's {@code \copy}) into
 * five tables: today's table definition (the floor of the import goal), the same keys with
 * {@code COLLATE "C"}, compact keys (a {@code bigint} national ID, {@code "C"} codes), and both
 * of these with the primary key and the station index built after the load instead of row by
 * row. Each load starts after a checkpoint and ends when its indexes exist. The database's
 * settings that bound all of them are printed beside.
 */
final class ImportLimits {
    private static final String COLUMNS = "(election_id %1$s, national_id %2$s, family_name text NOT NULL,"
            + " given_name text NOT NULL, date_of_birth date NOT NULL, station_code %1$s)";
    private static final String TEXT_KEY = "text NOT NULL";
    private static final String C_KEY = "text COLLATE \"C\" NOT NULL";
    private static final String BIGINT_KEY = "bigint NOT NULL";
    private static final List<String> SETTINGS = List.of("shared_buffers", "max_wal_size", "maintenance_work_mem",
            "wal_level", "synchronous_commit", "checkpoint_timeout");

    /** One load: what the table is, and how long the COPY (and the index builds after it) took. */
    record Limit(String table, String what, long nanos, long rows) {
    }

    /** The limits, the first being the floor (today's table definition), and the settings read. */
    record Figures(List<Limit> limits, Map<String, String> settings, long fileBytes) {
        Limit floor() {
            return limits.get(0);
        }
    }

    private final BenchDatabase database;

    ImportLimits(BenchDatabase database) {
        this.database = database;
    }

    Figures run(String electionId, VoterGenerator voters, Path file) throws SQLException, IOException {
        Log.info(String.format("A) writing the %,d voters to %s (before any clock)", voters.count(), file));
        CopyLoad.writeFile(file, electionId, voters);
        long bytes = Files.size(file);
        List<Limit> limits = new ArrayList<>();
        try (Connection connection = database.connect()) {
            limits.add(load(connection, file, "voter_file", "today's table definition (one plain table, V1's keys)",
                    CopyLoad.todaysTable("voter_file"), null));
            limits.add(load(connection, file, "voter_c", "keys COLLATE \"C\"",
                    "CREATE TABLE voter_c " + COLUMNS.formatted(C_KEY, C_KEY) + ";" + indexes("voter_c"), null));
            limits.add(load(connection, file, "voter_compact", "compact keys (bigint national ID, \"C\" codes)",
                    "CREATE TABLE voter_compact " + COLUMNS.formatted(C_KEY, BIGINT_KEY) + ";"
                            + indexes("voter_compact"), null));
            limits.add(load(connection, file, "voter_late", "today's keys, indexes built after the load",
                    "CREATE TABLE voter_late " + COLUMNS.formatted(TEXT_KEY, TEXT_KEY), indexes("voter_late")));
            limits.add(load(connection, file, "voter_compact_late", "compact keys, indexes built after the load",
                    "CREATE TABLE voter_compact_late " + COLUMNS.formatted(C_KEY, BIGINT_KEY),
                    indexes("voter_compact_late")));
            Map<String, String> settings = settings(connection);
            for (Limit limit : limits) {
                drop(connection, limit.table());
            }
            return new Figures(limits, settings, bytes);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String indexes(String table) {
        return "ALTER TABLE " + table + " ADD PRIMARY KEY (election_id, national_id);"
                + "CREATE INDEX ON " + table + " (election_id, station_code)";
    }

    private Limit load(Connection connection, Path file, String table, String what, String create, String after)
            throws SQLException, IOException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(create);
        }
        database.checkpoint();
        Log.info(String.format("A) COPY from the file into %s: %s", table, what));
        long start = System.nanoTime();
        long rows = CopyLoad.loadFile(connection, table, file);
        if (after != null) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(after);
            }
        }
        long nanos = System.nanoTime() - start;
        Log.info(String.format("   done in %.1f s", nanos / 1e9));
        return new Limit(table, what, nanos, rows);
    }

    private static void drop(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE " + table);
        }
    }

    private static Map<String, String> settings(Connection connection) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement()) {
            for (String name : SETTINGS) {
                try (ResultSet row = statement.executeQuery("SHOW " + name)) {
                    row.next();
                    values.put(name, row.getString(1));
                }
            }
        }
        return values;
    }
}
