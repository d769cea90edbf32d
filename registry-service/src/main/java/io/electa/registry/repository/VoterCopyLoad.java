package io.electa.registry.repository;

import io.electa.registry.v1.ErrorReason;
import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.importing.UpsertCounts;
import io.electa.registry.importing.VoterBatch;
import io.electa.roll.CopyText;
import io.electa.support.domain.FailedPreconditionException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * The first load of an election's roll, by COPY, in one transaction: all rows or none. Used only
 * when the roll is empty and no other import of the election writes (an advisory lock, taken
 * without waiting; upsert batches try it shared and fail while a load holds it), so no row can
 * conflict. Otherwise the import upserts. The election row stays share-locked until commit, so
 * the roll cannot be frozen mid-load.
 *
 * <p>{@code voter} is partitioned by election (V5). An election without a partition yet gets a
 * fresh table without indexes, created in the load's transaction: the rows go in by COPY FREEZE
 * (frozen and all-visible from the start, so neither the roll freeze's first read nor a vacuum
 * rewrites the pages); when the stream ends its primary key and station index are built once and
 * the table is attached as the election's partition (voter_roll_attach, V5). Maintaining the two
 * indexes row by row was most of a first load's time. The builds keep the server's
 * {@code maintenance_work_mem} and parallel workers: at 6.5 M voters 64 MB, 256 MB and 1 GB
 * built both indexes alike (14.1, 15.3, 14.3 s with two workers), while two workers against none
 * made the difference (14 s against 22 s). A load that fails or is cancelled rolls back the
 * table with its rows; no other election's roll is locked meanwhile (attaching takes
 * {@code voter} SHARE UPDATE EXCLUSIVE, for the commit's moment). An election whose partition exists but is empty (given to an import that upserted
 * nothing) is loaded by COPY through {@code voter}, indexes maintained row by row, as before.
 * JDBC blocks: every step runs, in order, on the load's own thread.
 */
public final class VoterCopyLoad {
    /** The advisory lock key space of voter imports; the second key is the election's hash. */
    static final String LOCK_SPACE = "electa.voter-import";
    private static final String COLUMNS = " (election_id, national_id, family_name, given_name, date_of_birth,"
            + " station_code) FROM STDIN";

    private final Connection connection;
    private final CopyIn copy;
    private final ExecutorService thread;
    private final Executor caller;
    private final String electionId;
    private final boolean freshTable;
    private long rows;
    private boolean closed;

    private VoterCopyLoad(Connection connection, CopyIn copy, ExecutorService thread, Executor caller,
            String electionId, boolean freshTable) {
        this.connection = connection;
        this.copy = copy;
        this.thread = thread;
        this.caller = caller;
        this.electionId = electionId;
        this.freshTable = freshTable;
    }

    /** A load into the election's empty roll; null when it has voters or another import writes. */
    static Uni<VoterCopyLoad> openIfEmpty(DataSource dataSource, String electionId, Duration maxDuration) {
        Executor caller = callerContext();
        return Uni.createFrom().item(() -> open(dataSource, electionId, maxDuration, caller))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .emitOn(caller);
    }

    /** Answers go back to the caller's Vert.x context (the gRPC call's), where the import runs. */
    private static Executor callerContext() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }

    /** Sends a batch to the server; counted at {@link #commit()}. */
    public Uni<UpsertCounts> write(VoterBatch batch) {
        return onThread(() -> {
            byte[] text = encode(batch);
            try {
                copy.writeToCopy(text, 0, text.length);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the roll failed", e);
            }
            rows += batch.size();
            return new UpsertCounts(0, 0, 0);
        });
    }

    /** Ends the COPY, indexes and attaches a fresh table, and commits; every row was new. */
    public Uni<UpsertCounts> commit() {
        return onThread(() -> {
            try {
                long copied = copy.endCopy();
                if (freshTable) {
                    indexAndAttach();
                }
                connection.commit();
                close();
                return new UpsertCounts(copied, 0, rows - copied);
            } catch (SQLException e) {
                throw new IllegalStateException("committing the roll load failed", e);
            }
        });
    }

    /** Cancels the COPY and rolls back; nothing of the load stays. */
    public void abort() {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            if (closed) {
                return;
            }
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
                connection.rollback();
            } catch (SQLException e) {
                // The connection is discarded below; the server rolls back with it.
            }
            close();
        });
    }

    /** Builds the fresh table's indexes in one pass each and attaches it as the election's partition. */
    private void indexAndAttach() throws SQLException {
        valueFor(connection, "SELECT voter_roll_attach(?)", electionId, row -> null);
    }

    private <T> Uni<T> onThread(Supplier<T> step) {
        return Uni.createFrom().item(step).runSubscriptionOn(thread).emitOn(caller);
    }

    private void close() {
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            // Already gone.
        }
        thread.shutdown();
    }

    private static VoterCopyLoad open(DataSource dataSource, String electionId, Duration maxDuration,
            Executor caller) {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            allow(connection, maxDuration);
            if (!lockImports(connection, electionId) || !requireOpenRoll(connection, electionId)) {
                return notLoading(connection);
            }
            boolean freshTable = !hasPartition(connection, electionId);
            if (!freshTable && hasVoters(connection, electionId)) {
                return notLoading(connection);
            }
            String target = freshTable ? createRollTable(connection, electionId) : "voter";
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY " + target + COLUMNS + (freshTable ? " WITH (FREEZE)" : ""));
            ExecutorService thread = Executors.newSingleThreadExecutor(r -> new Thread(r, "voter-copy-" + electionId));
            return new VoterCopyLoad(connection, copy, thread, caller, electionId, freshTable);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("cannot start the roll load", e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** The load is one COPY statement in one transaction, as long as the stream: bounded by {@code maxDuration}. */
    private static void allow(Connection connection, Duration maxDuration) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("SELECT set_config('statement_timeout', ?, true)")) {
            set.setString(1, Long.toString(maxDuration.toMillis()));
            set.executeQuery().close();
        }
    }

    /** Takes the election's import lock alone, without waiting; false when another import runs. */
    private static boolean lockImports(Connection connection, String electionId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(hashtext(?), hashtext(?))")) {
            lock.setString(1, LOCK_SPACE);
            lock.setString(2, electionId);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    private static boolean requireOpenRoll(Connection connection, String electionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT status FROM election WHERE election_id = ? FOR SHARE")) {
            select.setString(1, electionId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next() || ElectionStatus.valueOf(row.getString(1)) != ElectionStatus.SCHEDULED) {
                    throw new FailedPreconditionException(
                            "the roll of election " + electionId + " is no longer open for import", ErrorReason.ROLL_FROZEN);
                }
                return true;
            }
        }
    }

    /** Gives up a load that may not run: nothing was written; the lock goes with the transaction. */
    private static VoterCopyLoad notLoading(Connection connection) throws SQLException {
        connection.rollback();
        connection.close();
        return null;
    }

    /** Whether the election's roll has its partition of {@code voter} (an election's first load gives it one). */
    private static boolean hasPartition(Connection connection, String electionId) throws SQLException {
        return valueFor(connection, "SELECT to_regclass(voter_roll_table(?)) IS NOT NULL", electionId,
                row -> row.getBoolean(1));
    }

    /** Creates the election's roll table in the load's transaction, standalone and without indexes; its name. */
    private static String createRollTable(Connection connection, String electionId) throws SQLException {
        return quoted(valueFor(connection, "SELECT voter_roll_create(?)", electionId, row -> row.getString(1)));
    }

    /** The table's name as an SQL identifier (voter_roll_table makes names of hex digits; quoted all the same). */
    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static boolean hasVoters(Connection connection, String electionId) throws SQLException {
        return valueFor(connection, "SELECT EXISTS (SELECT 1 FROM voter WHERE election_id = ?)", electionId,
                row -> row.getBoolean(1));
    }

    /** What a single-row query with the election as its one parameter answers, read from its row. */
    private static <T> T valueFor(Connection connection, String sql, String electionId, RowReader<T> read)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setString(1, electionId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return read.from(row);
            }
        }
    }

    /** Reads a value from the current row. */
    private interface RowReader<T> {
        T from(ResultSet row) throws SQLException;
    }

    /** COPY text format: tab-separated, one line per row; backslash escapes. */
    private byte[] encode(VoterBatch batch) {
        String[] ids = batch.nationalIds();
        String[] family = batch.familyNames();
        String[] given = batch.givenNames();
        var births = batch.datesOfBirth();
        String[] stations = batch.stationCodes();
        StringBuilder text = new StringBuilder(batch.size() * 64);
        for (int k = 0; k < batch.size(); k++) {
            CopyText.field(text, electionId).append('\t');
            CopyText.field(text, ids[k]).append('\t');
            CopyText.field(text, family[k]).append('\t');
            CopyText.field(text, given[k]).append('\t');
            text.append(births[k]).append('\t');
            CopyText.field(text, stations[k]).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // Nothing left to do.
            }
        }
    }
}
