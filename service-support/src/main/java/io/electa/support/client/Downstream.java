package io.electa.support.client;

import io.electa.common.v1.ErrorReason;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.UnavailableException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Calls another Electa service with a deadline and turns its failures into this service's
 * domain errors. NOT_FOUND and FAILED_PRECONDITION are answers about the request (an unknown
 * election, a closed poll) and keep the other service's message. Anything else (unreachable,
 * too slow, overloaded, or a failure inside the other service) is UNAVAILABLE naming the
 * service: nothing was changed here and the client may retry. The other service's own
 * description (addresses, internals) is logged, never passed on.
 */
public final class Downstream {
    private static final Logger LOG = Logger.getLogger(Downstream.class);
    private static final int MAX_MESSAGE = 500;

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
                return new NotFoundException(detail.isEmpty() ? service + ": not found" : cut(detail));
            case FAILED_PRECONDITION:
                return new FailedPreconditionException(service + ": " + cut(detail),
                        ErrorReason.DEPENDENCY_PRECONDITION_FAILED, Map.of("service", service));
            default:
                LOG.warnf("the %s service failed a call: %s%s", service, status.getCode(),
                        detail.isEmpty() ? "" : " (" + cut(detail) + ")");
                return new UnavailableException("the " + service + " service is unavailable; nothing was changed,"
                        + " retry with the same request_id", ErrorReason.DEPENDENCY_UNAVAILABLE,
                        Map.of("service", service));
        }
    }

    /**
     * The failure for an answer this service cannot read: a value a newer version of the other
     * service added (an enum value it does not know). UNAVAILABLE: nothing was changed, and this
     * service must be updated before it can act on such an answer.
     */
    public UnavailableException unknownValue(String what) {
        LOG.warnf("the %s service answered %s, which this version does not know", service, what);
        return new UnavailableException("the " + service + " service answered " + what + ", which this version of"
                + " the service does not know; nothing was changed", ErrorReason.DEPENDENCY_UNAVAILABLE,
                Map.of("service", service));
    }

    private static String cut(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE - 3) + "...";
    }
}
