package io.electa.cli;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * How a failed command reports: one line with the status and the message (and the reason when
 * there is one), then one line per broken field; never a stack trace. The exit code comes from
 * the status ({@link ExitCodes}).
 */
public final class Failures implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof StatusRuntimeException)
                && !(cause instanceof UsageFailure)) {
            cause = cause.getCause();
        }
        if (cause instanceof StatusRuntimeException status) {
            describe(status, err);
            err.flush();
            return ExitCodes.of(status.getStatus().getCode());
        }
        if (cause instanceof UncheckedIOException io) {
            err.println("error: " + io.getCause().getMessage());
        } else if (cause instanceof IOException io) {
            err.println("error: " + io.getMessage());
        } else {
            err.println("error: " + (cause.getMessage() == null ? cause.toString() : cause.getMessage()));
        }
        err.flush();
        return ExitCodes.FAILURE;
    }

    /** Prints a failed call: its status, message, reason and broken fields. */
    public static void describe(StatusRuntimeException failure, PrintWriter err) {
        var status = failure.getStatus();
        com.google.rpc.Status details = StatusProto.fromThrowable(failure);
        String reason = "";
        if (details != null) {
            for (var any : details.getDetailsList()) {
                if (any.is(ErrorInfo.class)) {
                    reason = " [" + unpack(any, ErrorInfo.class).getReason() + "]";
                }
            }
        }
        err.println("error: " + status.getCode() + reason + ": "
                + (status.getDescription() == null ? "(no message)" : status.getDescription())
                + (details == null && status.getCode() == io.grpc.Status.Code.UNAVAILABLE
                        ? " (no service answered: is the suite running? `electa up` starts one; --registry, --tally "
                                + "and --observer say where it is)" : ""));
        if (details != null) {
            for (var any : details.getDetailsList()) {
                if (any.is(BadRequest.class)) {
                    for (var violation : unpack(any, BadRequest.class).getFieldViolationsList()) {
                        err.println("  " + (violation.getField().isEmpty() ? "(request)" : violation.getField()) + ": "
                                + violation.getDescription()
                                + (violation.getReason().isEmpty() ? "" : " [" + violation.getReason() + "]"));
                    }
                }
            }
        }
    }

    private static <T extends com.google.protobuf.Message> T unpack(com.google.protobuf.Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A failure of the user's input before any call (a file, a row), reported as it is. */
    public static final class UsageFailure extends RuntimeException {
        public UsageFailure(String message) {
            super(message);
        }
    }
}
