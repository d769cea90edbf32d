package io.electa.benchmarks;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Row count and an order-independent checksum of one election's rows in a voter-shaped table:
 * the sum over rows of the first 60 bits of md5(all columns). Equal fingerprints of
 * {@code voter} and {@code voter_copy} mean the import stored exactly what COPY stored.
 */
record RollFingerprint(long rows, BigDecimal checksum) {
    private static final String QUERY = """
            SELECT count(*),
                   coalesce(sum(('x' || substr(md5(concat_ws('|', national_id, family_name, given_name,
                                                               date_of_birth, station_code)), 1, 15))::bit(60)::bigint), 0)
            FROM %s WHERE election_id = ?""";

    /** Reads the fingerprint of {@code table}, a fixed table name of the benchmark. */
    static RollFingerprint of(Connection connection, String table, String electionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(QUERY.formatted(table))) {
            query.setString(1, electionId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new RollFingerprint(row.getLong(1), row.getBigDecimal(2));
            }
        }
    }
}
