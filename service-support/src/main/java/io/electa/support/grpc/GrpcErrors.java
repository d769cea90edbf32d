package io.electa.support.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.electa.common.v1.ErrorReason;
import io.electa.support.db.DatabaseFailures;
import io.electa.support.domain.AbortedException;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.DomainException;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.FieldViolation;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.PermissionDeniedException;
import io.electa.support.domain.UnauthenticatedException;
import io.electa.support.domain.UnavailableException;
import io.electa.support.domain.UniqueViolations;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The one place where failures become gRPC statuses: domain exceptions keep their message and
 * carry google.rpc details; a database that cannot serve is UNAVAILABLE ({@link DatabaseFailures});
 * anything else is logged and answered INTERNAL without internals. Never UNKNOWN, never a stack
 * trace, and never an unbounded text: every message, description and metadata value is cut, and
 * a BadRequest lists field violations only up to a size, so that the status always fits in the
 * trailers a client accepts (8 KiB by default in grpc-java).
 */
public final class GrpcErrors {
    public static final String DOMAIN = "electa.io";
    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);
    private static final int MAX_MESSAGE = 500;
    private static final int MAX_DETAIL = 200;
    /** Serialized size of the field violations sent at most (base64 in a trailer: 4/3 of it). */
    private static final int MAX_BAD_REQUEST_BYTES = 3_000;

    private GrpcErrors() {
    }

    public static StatusRuntimeException toStatus(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StatusRuntimeException sre) {
            return passedThrough(sre.getStatus(), sre.getTrailers());
        }
        if (cause instanceof StatusException se) {
            return passedThrough(se.getStatus(), se.getTrailers());
        }
        if (cause instanceof DomainException domain) {
            return fromDomain(domain);
        }
        if (UniqueViolations.isAny(cause)) {
            return fromDomain(new AlreadyExistsException("a concurrent request created the same record first",
                    ErrorReason.CONCURRENTLY_CREATED));
        }
        DomainException database = DatabaseFailures.classify(cause);
        if (database != null) {
            return fromDomain(database);
        }
        LOG.error("unexpected failure", cause);
        return Status.INTERNAL.withDescription("internal error; the request may be retried with the same request_id")
                .asRuntimeException();
    }

    /** A status raised by gRPC itself or by this service's own checks; UNKNOWN never leaves. */
    private static StatusRuntimeException passedThrough(Status status, io.grpc.Metadata trailers) {
        if (status.getCode() == Status.Code.UNKNOWN) {
            LOG.errorf(status.getCause(), "unexpected failure: %s", status);
            return Status.INTERNAL.withDescription("internal error; the request may be retried with the same request_id")
                    .asRuntimeException();
        }
        return status.withDescription(cut(status.getDescription(), MAX_MESSAGE)).asRuntimeException(trailers);
    }

    private static StatusRuntimeException fromDomain(DomainException domain) {
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(codeOf(domain).getNumber())
                .setMessage(cut(domain.getMessage(), MAX_MESSAGE));
        if (domain instanceof InvalidArgumentException invalid) {
            status.addDetails(Any.pack(badRequest(invalid)));
        } else {
            ErrorInfo.Builder info = ErrorInfo.newBuilder().setReason(domain.reason()).setDomain(DOMAIN);
            for (Map.Entry<String, String> entry : domain.metadata().entrySet()) {
                info.putMetadata(entry.getKey(), cut(entry.getValue(), MAX_DETAIL));
            }
            status.addDetails(Any.pack(info.build()));
        }
        return StatusProto.toStatusRuntimeException(status.build());
    }

    private static Code codeOf(DomainException domain) {
        if (domain instanceof NotFoundException) {
            return Code.NOT_FOUND;
        }
        if (domain instanceof AlreadyExistsException) {
            return Code.ALREADY_EXISTS;
        }
        if (domain instanceof FailedPreconditionException) {
            return Code.FAILED_PRECONDITION;
        }
        if (domain instanceof UnavailableException) {
            return Code.UNAVAILABLE;
        }
        if (domain instanceof AbortedException) {
            return Code.ABORTED;
        }
        if (domain instanceof UnauthenticatedException) {
            return Code.UNAUTHENTICATED;
        }
        if (domain instanceof PermissionDeniedException) {
            return Code.PERMISSION_DENIED;
        }
        return Code.INVALID_ARGUMENT;
    }

    /** The field violations, as many as fit the size budget (the message counts them all). */
    private static BadRequest badRequest(InvalidArgumentException invalid) {
        BadRequest.Builder request = BadRequest.newBuilder();
        for (FieldViolation violation : invalid.violations()) {
            BadRequest.FieldViolation next = BadRequest.FieldViolation.newBuilder()
                    .setField(cut(violation.field(), MAX_DETAIL))
                    .setReason(violation.reason().name())
                    .setDescription(cut(violation.description(), MAX_DETAIL))
                    .build();
            if (request.build().getSerializedSize() + next.getSerializedSize() > MAX_BAD_REQUEST_BYTES) {
                break;
            }
            request.addFieldViolations(next);
        }
        return request.build();
    }

    /** {@code text} of at most {@code max} characters. */
    static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        return text.substring(0, max - 3) + "...";
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof io.smallrye.mutiny.CompositeException
                || cause instanceof jakarta.persistence.PersistenceException && cause.getCause() != null
                        && Causes.find(cause.getCause(), DomainException.class) != null)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        DomainException domain = Causes.find(cause, DomainException.class);
        return domain != null ? domain : cause;
    }
}
