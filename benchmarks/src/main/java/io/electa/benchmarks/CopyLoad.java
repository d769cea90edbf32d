package io.electa.benchmarks;

import io.electa.roll.CopyText;
import io.electa.scenario.SyntheticVoter;
import io.electa.scenario.VoterGenerator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The import's floor: the same synthetic roll loaded straight into PostgreSQL with COPY (text
 * format, pgjdbc's CopyManager) into {@code voter_copy}, a plain table with today's definition of
 * the roll (the columns, primary key and station index {@code voter} had before it was
 * partitioned by election), in the same database.
 */
final class CopyLoad {
    static final String TABLE = "voter_copy";
    private static final int CHUNK_CHARS = 256 * 1024;

    /**
     * Today's table definition of the roll, as V1 made {@code voter}: one plain table for every
     * election, its two indexes maintained row by row. Spelled out rather than {@code LIKE voter},
     * which is partitioned now, so that the floor stays what it was.
     */
    static String todaysTable(String table) {
        return "CREATE TABLE " + table + " (election_id text NOT NULL, national_id text NOT NULL,"
                + " family_name text NOT NULL, given_name text NOT NULL, date_of_birth date NOT NULL,"
                + " station_code text NOT NULL, PRIMARY KEY (election_id, national_id));"
                + " CREATE INDEX ON " + table + " (election_id, station_code)";
    }

    private CopyLoad() {
    }

    /** Creates the empty twin table (not part of the timed load). */
    static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(todaysTable(TABLE));
        }
    }

    /** Streams every voter through one COPY; returns the rows PostgreSQL reports as copied. */
    static long load(Connection connection, String electionId, VoterGenerator voters) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + TABLE
                + " (election_id, national_id, family_name, given_name, date_of_birth, station_code) FROM STDIN");
        try {
            StringBuilder text = new StringBuilder(CHUNK_CHARS + 1024);
            for (long i = 0; i < voters.count(); i++) {
                appendLine(text, electionId, voters.voter(i));
                if (text.length() >= CHUNK_CHARS) {
                    write(copy, text);
                }
            }
            write(copy, text);
            return copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    /** Writes every voter as COPY text into {@code file} (before any clock starts). */
    static void writeFile(Path file, String electionId, VoterGenerator voters) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            StringBuilder text = new StringBuilder(CHUNK_CHARS + 1024);
            for (long i = 0; i < voters.count(); i++) {
                appendLine(text, electionId, voters.voter(i));
                if (text.length() >= CHUNK_CHARS) {
                    out.append(text);
                    text.setLength(0);
                }
            }
            out.append(text);
        }
    }

    /** COPY of {@code file} into {@code table}, as psql's {@code \copy} does; returns the rows copied. */
    static long loadFile(Connection connection, String table, Path file) throws SQLException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table
                    + " (election_id, national_id, family_name, given_name, date_of_birth, station_code) FROM STDIN",
                    in, CHUNK_CHARS);
        }
    }

    private static void appendLine(StringBuilder text, String electionId, SyntheticVoter voter) {
        CopyText.field(text, electionId).append('\t');
        CopyText.field(text, voter.nationalId()).append('\t');
        CopyText.field(text, voter.familyName()).append('\t');
        CopyText.field(text, voter.givenName()).append('\t');
        text.append(voter.dateOfBirth()).append('\t');
        CopyText.field(text, voter.stationCode()).append('\n');
    }

    private static void write(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }
}
