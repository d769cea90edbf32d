package io.electa.benchmarks;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;

/**
 * The poll books' floor: each station's queue inserted straight into PostgreSQL as one
 * {@code INSERT ... SELECT FROM unnest(...)} committed on its own, into a twin of
 * {@code vote_mark}; the same marks, batches and concurrency as the uploads.
 */
final class UnnestFloor implements AutoCloseable {
    static final String TABLE = "vote_mark_unnest_floor";
    private static final String INSERT = "INSERT INTO " + TABLE + " (election_id, national_id, station_code,"
            + " marked_at, request_id, absentee, device_id, device_time, marked_by)"
            + " SELECT ?, t.national_id, ?, clock_timestamp(), t.request_id, false, ?, t.device_time, 'clerk'"
            + " FROM unnest(?::text[], ?::text[], ?::timestamptz[]) AS t(national_id, request_id, device_time)"
            + " ON CONFLICT DO NOTHING";

    private final Connection connection;
    private final PreparedStatement insert;
    private final String electionId;

    UnnestFloor(Connection connection, String electionId) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(INSERT);
        this.electionId = electionId;
    }

    /** Creates the empty twin table. */
    static void createTable(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + TABLE + " (LIKE vote_mark INCLUDING ALL)");
        }
    }

    /** Inserts one station's queue; the rows inserted. */
    int insert(PollBookUploads.StationQueue queue) throws SQLException {
        String[] ids = queue.marks().stream().map(PollBookUploads.StationQueue.Mark::nationalId).toArray(String[]::new);
        String[] requests = queue.marks().stream().map(PollBookUploads.StationQueue.Mark::requestId)
                .toArray(String[]::new);
        Timestamp[] times = new Timestamp[ids.length];
        Arrays.fill(times, Timestamp.from(Instant.now()));
        Array national = connection.createArrayOf("text", ids);
        Array requestIds = connection.createArrayOf("text", requests);
        Array deviceTimes = connection.createArrayOf("timestamptz", times);
        insert.setString(1, electionId);
        insert.setString(2, queue.stationCode());
        insert.setString(3, queue.deviceId());
        insert.setArray(4, national);
        insert.setArray(5, requestIds);
        insert.setArray(6, deviceTimes);
        return insert.executeUpdate();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
