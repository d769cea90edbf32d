package io.electa.support.client;

import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.UnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Calls another Electa service with a deadline and turns its failures into this service's
 * domain errors: unreachable, too slow or overloaded becomes UNAVAILABLE (nothing was changed
 * here, the client may retry); NOT_FOUND and FAILED_PRECONDITION keep the other service's
 * message; anything else is an internal failure of the dependency and also UNAVAILABLE.
 */
public final class Downstream {
    private final String service;
    private final Duration deadline;

    public Downstream(String service, Duration deadline) {
        this.service = service;
        this.deadline = deadline;
    }

    /** The deadline every call gets. */
    public Duration deadline() {
        return deadline;
    }

    /** Runs {@code call} (already bound to a stub with {@link #deadline()}) and maps its failure. */
    public <T> Uni<T> call(Supplier<Uni<? extends T>> call) {
        return Uni.createFrom().<T>deferred(call)
                .ifNoItem().after(deadline.plusMillis(500)).failWith(() -> Status.DEADLINE_EXCEEDED
                        .withDescription("no answer within the deadline").asRuntimeException())
                .onFailure().transform(this::translate);
    }

    /** The domain error that {@code failure} of a call to the dependency stands for. */
    public RuntimeException translate(Throwable failure) {
        Status status = failure instanceof StatusRuntimeException sre ? sre.getStatus() : Status.fromThrowable(failure);
        String detail = status.getDescription() == null ? "" : status.getDescription();
        switch (status.getCode()) {
            case NOT_FOUND:
                return new NotFoundException(detail.isEmpty() ? service + ": not found" : detail);
            case FAILED_PRECONDITION:
                return new FailedPreconditionException(service + ": " + detail,
                        "PRECONDITION_FAILED_AT_" + reasonOf(service));
            default:
                return new UnavailableException("the " + service + " service is unavailable ("
                        + status.getCode() + (detail.isEmpty() ? "" : ": " + detail)
                        + "); nothing was changed, retry with the same request_id");
        }
    }

    private static String reasonOf(String service) {
        return service.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
