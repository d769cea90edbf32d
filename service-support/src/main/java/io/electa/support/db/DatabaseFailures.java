package io.electa.support.db;

import io.electa.common.v1.ErrorReason;
import io.electa.support.domain.AbortedException;
import io.electa.support.domain.DomainException;
import io.electa.support.domain.UnavailableException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import io.electa.support.grpc.Causes;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Which database failures a client should see as "retry later" rather than as a defect: every
 * connection-class and operator-intervention SQLSTATE (the server restarting or shutting down,
 * no connection, too many connections) and every exhausted time limit (statement, lock or
 * idle-in-transaction timeout) is UNAVAILABLE; a serialization failure or deadlock is ABORTED.
 * Nothing was committed in any of these cases. While the database is away every request fails
 * the same way, so the cause is logged once per interval rather than with every request.
 */
public final class DatabaseFailures {
    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);
    private static final long LOG_INTERVAL_NANOS = 30_000_000_000L;
    private static final AtomicLong LAST_LOGGED = new AtomicLong(System.nanoTime() - LOG_INTERVAL_NANOS);

    private DatabaseFailures() {
    }

    /** The domain failure {@code cause} stands for, or null when it is no database condition. */
    public static DomainException classify(Throwable cause) {
        String state = sqlState(cause);
        if (state != null) {
            return fromState(state, cause);
        }
        if (Causes.find(cause, ConnectException.class) != null || Causes.find(cause, SocketException.class) != null
                || Causes.find(cause, TimeoutException.class) != null
                || Causes.anyNamed(cause, "ClosedConnectionException", "NoStackTraceTimeoutException",
                        "StacklessClosedChannelException", "ClosedChannelException", "PoolClosedException")
                || hasMessage(cause, "Connection is closed", "Connection is not active", "Pool closed",
                        "Connection refused", "connection closed", "Connection reset", "Broken pipe")) {
            return unavailable(ErrorReason.DATABASE_UNAVAILABLE, cause);
        }
        return null;
    }

    private static DomainException fromState(String state, Throwable cause) {
        if (state.equals("40001") || state.equals("40P01")) {
            return new AbortedException("a concurrent change conflicted; nothing was changed, retry with the same"
                    + " request_id");
        }
        if (state.equals("57014") || state.equals("55P03") || state.equals("25P03")) {
            return unavailable(ErrorReason.DATABASE_TIMEOUT, cause);
        }
        // 08 connection, 57P operator intervention (shutdown, restart), 53 insufficient resources,
        // 58 system error, 28 authorization and 3D catalog (the service's role or database is
        // missing): all conditions of the database, none of the request.
        if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.startsWith("58")
                || state.startsWith("28") || state.startsWith("3D")) {
            return unavailable(ErrorReason.DATABASE_UNAVAILABLE, cause);
        }
        return null;
    }

    private static UnavailableException unavailable(ErrorReason reason, Throwable cause) {
        long now = System.nanoTime();
        long last = LAST_LOGGED.get();
        if (now - last >= LOG_INTERVAL_NANOS && LAST_LOGGED.compareAndSet(last, now)) {
            LOG.warnf("the database cannot serve requests (%s): %s; answering UNAVAILABLE (logged once per 30 s)",
                    reason, describe(cause));
        }
        return new UnavailableException(reason == ErrorReason.DATABASE_TIMEOUT
                ? "the database did not finish in time; nothing was changed, retry later with the same request_id"
                : "the database is unavailable; nothing was changed, retry later with the same request_id", reason);
    }

    /** Whether {@code failure} is a statement, lock or idle-in-transaction timeout. */
    public static boolean isTimeout(Throwable failure) {
        String state = sqlState(failure);
        return "57014".equals(state) || "55P03".equals(state) || "25P03".equals(state);
    }

    /** The SQLSTATE of the first database error in the chain, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = null;
            if (t instanceof PgException pg) {
                state = pg.getSqlState();
            } else if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            } else if (t instanceof org.hibernate.JDBCException jdbc) {
                state = jdbc.getSQLState();
            }
            if (state != null) {
                return state;
            }
        }
        return null;
    }

    private static boolean hasMessage(Throwable failure, String... fragments) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            for (String fragment : fragments) {
                if (message.contains(fragment)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = cause; t != null && text.length() < 400; t = t.getCause() == t ? null : t.getCause()) {
            text.append(text.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName()).append(": ")
                    .append(t.getMessage());
        }
        return text.toString();
    }
}
