package io.electa.support.grpc;

import com.google.protobuf.Any;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.DomainException;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.FieldViolation;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.UnavailableException;
import io.electa.support.domain.UniqueViolations;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The one place where failures become gRPC statuses: domain exceptions keep their message and
 * carry google.rpc details; database and unexpected failures are logged and answered without
 * internals (never UNKNOWN, never a stack trace).
 */
public final class GrpcErrors {
    public static final String DOMAIN = "electa.io";
    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String DEADLOCK = "40P01";

    private GrpcErrors() {
    }

    public static StatusRuntimeException toStatus(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof StatusRuntimeException sre) {
            return sre;
        }
        if (cause instanceof StatusException se) {
            return se.getStatus().asRuntimeException(se.getTrailers());
        }
        if (cause instanceof DomainException domain) {
            return fromDomain(domain);
        }
        if (UniqueViolations.isAny(cause)) {
            return Status.ALREADY_EXISTS.withDescription("a concurrent request created the same record")
                    .asRuntimeException();
        }
        PgException pg = findCause(cause, PgException.class);
        if (pg != null) {
            return fromDatabase(pg, cause);
        }
        if (findCause(cause, ConnectException.class) != null || findCause(cause, TimeoutException.class) != null
                || isNoConnection(cause)) {
            LOG.warn("database unavailable", cause);
            return Status.UNAVAILABLE.withDescription("the database is unavailable; retry later")
                    .asRuntimeException();
        }
        LOG.error("unexpected failure", cause);
        return Status.INTERNAL.withDescription("internal error; the request may be retried with the same request_id")
                .asRuntimeException();
    }

    private static StatusRuntimeException fromDomain(DomainException domain) {
        Code code = codeOf(domain);
        com.google.rpc.Status.Builder status = com.google.rpc.Status.newBuilder()
                .setCode(code.getNumber())
                .setMessage(domain.getMessage());
        if (domain instanceof InvalidArgumentException invalid) {
            status.addDetails(Any.pack(badRequest(invalid)));
        } else {
            status.addDetails(Any.pack(ErrorInfo.newBuilder()
                    .setReason(domain.reason())
                    .setDomain(DOMAIN)
                    .putAllMetadata(domain.metadata())
                    .build()));
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
        return Code.INVALID_ARGUMENT;
    }

    private static BadRequest badRequest(InvalidArgumentException invalid) {
        BadRequest.Builder request = BadRequest.newBuilder();
        for (FieldViolation violation : invalid.violations()) {
            request.addFieldViolationsBuilder()
                    .setField(violation.field())
                    .setDescription(violation.description());
        }
        return request.build();
    }

    private static StatusRuntimeException fromDatabase(PgException pg, Throwable cause) {
        String state = pg.getSqlState();
        if (SERIALIZATION_FAILURE.equals(state) || DEADLOCK.equals(state)) {
            return Status.ABORTED.withDescription("conflict with a concurrent request; retry with the same request_id")
                    .asRuntimeException();
        }
        LOG.error("database failure", cause);
        return Status.INTERNAL.withDescription("internal error; the request may be retried with the same request_id")
                .asRuntimeException();
    }

    private static boolean isNoConnection(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("ClosedConnectionException") || name.endsWith("NoStackTraceTimeoutException")) {
                return true;
            }
        }
        return false;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof io.smallrye.mutiny.CompositeException
                || cause instanceof jakarta.persistence.PersistenceException && cause.getCause() != null
                        && findCause(cause.getCause(), DomainException.class) != null)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        DomainException domain = findCause(cause, DomainException.class);
        return domain != null ? domain : cause;
    }

    private static <T extends Throwable> T findCause(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
