package io.electa.support.domain;

import io.vertx.pgclient.PgException;

/**
 * Recognises PostgreSQL unique violations, whether they come straight from the reactive client
 * (PgException) or converted by Hibernate Reactive (a ConstraintViolationException whose cause
 * chain no longer holds the PgException).
 */
public final class UniqueViolations {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolations() {
    }

    /** Whether {@code failure} is a unique violation of any constraint. */
    public static boolean isAny(Throwable failure) {
        return of(failure) != null;
    }

    /** Whether {@code failure} is a unique violation of the named constraint or index. */
    public static boolean isOf(Throwable failure, String constraint) {
        String violated = of(failure);
        return violated != null && violated.contains(constraint);
    }

    /** The violated constraint (or the message naming it), or null when it is no unique violation. */
    private static String of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return pg.getConstraint() + " " + pg.getMessage();
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException hibernate
                    && UNIQUE_VIOLATION.equals(hibernate.getSQLState())) {
                return hibernate.getConstraintName() + " " + hibernate.getMessage();
            }
        }
        return null;
    }
}
