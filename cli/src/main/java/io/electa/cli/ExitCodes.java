package io.electa.cli;

import io.grpc.Status;

/**
 * What `electa` exits with. Documented in the README; scripts rely on them.
 *
 * <pre>
 *  0  done
 *  1  failed before or outside the services (a file that cannot be read, a malformed CSV row)
 *  2  the command line itself is wrong (unknown command or option)
 *  3  INVALID_ARGUMENT: the services refused the input (the broken fields are listed)
 *  4  NOT_FOUND
 *  5  ALREADY_EXISTS
 *  6  FAILED_PRECONDITION: not allowed in the election's present state
 *  7  UNAUTHENTICATED or PERMISSION_DENIED
 *  8  UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, RESOURCE_EXHAUSTED: try again later
 *  9  any other failure of a service
 * 10  an import finished, but some rows were rejected (see the report file)
 * 11  the ledger does not verify
 * </pre>
 */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    public static final int ROWS_REJECTED = 10;
    public static final int LEDGER_BROKEN = 11;

    private ExitCodes() {
    }

    /** The exit code of a call that failed with {@code code}. */
    public static int of(Status.Code code) {
        return switch (code) {
            case OK -> OK;
            case INVALID_ARGUMENT -> 3;
            case NOT_FOUND -> 4;
            case ALREADY_EXISTS -> 5;
            case FAILED_PRECONDITION, OUT_OF_RANGE -> 6;
            case UNAUTHENTICATED, PERMISSION_DENIED -> 7;
            case UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED, RESOURCE_EXHAUSTED, CANCELLED -> 8;
            default -> 9;
        };
    }
}
