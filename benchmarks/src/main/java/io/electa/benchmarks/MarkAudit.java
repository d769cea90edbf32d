package io.electa.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads {@code vote_mark} back after the marking run: how many marks, and how many double ones. */
record MarkAudit(long marks, long doubleMarks) {
    private static final String QUERY = "SELECT count(*), count(*) - count(DISTINCT national_id)"
            + " FROM vote_mark WHERE election_id = ?";

    static MarkAudit of(Connection connection, String electionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, electionId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new MarkAudit(row.getLong(1), row.getLong(2));
            }
        }
    }
}
