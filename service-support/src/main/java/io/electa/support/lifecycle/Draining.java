package io.electa.support.lifecycle;

import io.electa.common.v1.ErrorReason;
import io.electa.support.domain.UnavailableException;
import io.electa.support.grpc.GrpcErrors;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown of the gRPC service. On SIGTERM the service first stops taking calls (a new
 * call is answered UNAVAILABLE, SHUTTING_DOWN, and gRPC health says NOT_SERVING) and lets the
 * calls in flight finish, for at most {@code electa.shutdown.grace}; only then does Quarkus go on
 * to close the HTTP/2 connections, stop the server and close the database pools. (Quarkus's own
 * graceful shutdown counts a gRPC call as done once its request has arrived, so it alone would
 * cut answers that were still being computed.) Server-streaming watches (which never end by
 * themselves) are not waited for: they are cut when the server stops, and their clients
 * reconnect elsewhere.
 */
@ApplicationScoped
@GlobalInterceptor
public class Draining implements ServerInterceptor {
    private static final Logger LOG = Logger.getLogger(Draining.class);

    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Duration grace;
    private final Serving health;

    public Draining(@ConfigProperty(name = "electa.shutdown.grace", defaultValue = "10s") Duration grace,
            Serving health) {
        this.grace = grace;
        this.health = health;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        if (draining.get()) {
            StatusRuntimeException refused = GrpcErrors.toStatus(new UnavailableException(
                    "the service is shutting down; retry, with the same request_id for a mutation",
                    ErrorReason.SHUTTING_DOWN));
            call.close(refused.getStatus(), refused.getTrailers() == null ? new Metadata() : refused.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        if (call.getMethodDescriptor().getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
            return next.startCall(call, headers);
        }
        inFlight.incrementAndGet();
        return new Counted<>(next.startCall(call, headers), inFlight);
    }

    /**
     * The first step of a shutdown (Quarkus's shutdown delay, before HTTP connections are told
     * to go away): refuse new calls, let the ones in flight finish.
     */
    void drain(@Observes ShutdownDelayInitiatedEvent event) {
        drain();
    }

    /** Should the shutdown delay be off, the drain happens here, before beans and pools go. */
    void drainLate(@Observes @Priority(1) ShutdownEvent event) {
        drain();
    }

    private void drain() {
        if (draining.getAndSet(true)) {
            return;
        }
        health.stop();
        long deadline = System.nanoTime() + grace.toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int left = inFlight.get();
        if (left > 0) {
            LOG.warnf("shutting down with %d calls still in flight after the grace period of %s", left, grace);
        } else {
            LOG.info("every call in flight has finished; shutting down");
        }
    }

    /** Counts a call as in flight until it completes or is cancelled. */
    private static final class Counted<Q> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
        private final AtomicInteger inFlight;
        private final AtomicBoolean ended = new AtomicBoolean();

        Counted(ServerCall.Listener<Q> delegate, AtomicInteger inFlight) {
            super(delegate);
            this.inFlight = inFlight;
        }

        @Override
        public void onComplete() {
            end();
            super.onComplete();
        }

        @Override
        public void onCancel() {
            end();
            super.onCancel();
        }

        private void end() {
            if (ended.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        }
    }
}
