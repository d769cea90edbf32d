package io.electa.cli;

import io.electa.client.tls.LocalCertificates;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContext;
import java.nio.file.Path;
import javax.net.ssl.SSLException;

import io.electa.observer.v1.ObserverServiceGrpc;
import io.electa.registry.v1.PollBookServiceGrpc;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.tally.v1.TallyServiceGrpc;
import io.grpc.ClientInterceptor;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The three services over gRPC, with a deadline on every call. A mutation is retried with the
 * same request_id while the answer is "try again" (UNAVAILABLE, DEADLINE_EXCEEDED, ABORTED), for
 * up to {@link #PATIENCE}: the services answer a retry with the first answer, so retrying is safe.
 */
public final class Services implements AutoCloseable {
    /** How long a mutation is retried through an outage. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Set<Status.Code> RETRY = EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED,
            Status.Code.ABORTED);

    private final Endpoints endpoints;
    private final ClientInterceptor caller;
    private final Path tls;
    private SslContext clientTls;
    private ManagedChannel registryChannel;
    private ManagedChannel tallyChannel;
    private ManagedChannel observerChannel;

    /**
     * The services at {@code endpoints}, every call through {@code caller} (its credentials; null:
     * none), over mutual TLS presenting the client certificate in {@code tls} (tls.crt, tls.key,
     * trusting ca.crt; null: plaintext).
     */
    public Services(Endpoints endpoints, ClientInterceptor caller, Path tls) {
        this.endpoints = endpoints;
        this.caller = caller;
        this.tls = tls;
    }

    public RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(registryChannel()).withDeadlineAfter(DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The registry for many calls in flight (the demo's stations marking), each with the deadline. */
    public RegistryServiceGrpc.RegistryServiceFutureStub registryFutures() {
        return RegistryServiceGrpc.newFutureStub(registryChannel()).withDeadlineAfter(DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The tally for many calls in flight (the demo's stations reporting), each with the deadline. */
    public TallyServiceGrpc.TallyServiceFutureStub tallyFutures() {
        return TallyServiceGrpc.newFutureStub(tallyChannel()).withDeadlineAfter(DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The registry's poll book service (streams: no deadline, the upload paces itself). */
    public PollBookServiceGrpc.PollBookServiceStub pollBooks() {
        return PollBookServiceGrpc.newStub(registryChannel());
    }

    /** The registry's poll book service for reads, with the deadline. */
    public PollBookServiceGrpc.PollBookServiceBlockingStub pollBookReads() {
        return PollBookServiceGrpc.newBlockingStub(registryChannel()).withDeadlineAfter(DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public RollImportServiceGrpc.RollImportServiceStub imports() {
        return RollImportServiceGrpc.newStub(registryChannel());
    }

    public TallyServiceGrpc.TallyServiceBlockingStub tally() {
        return TallyServiceGrpc.newBlockingStub(tallyChannel()).withDeadlineAfter(DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** The tally without a deadline, for streams that last (watching, the ledger). */
    public TallyServiceGrpc.TallyServiceBlockingStub tallyStreams() {
        return TallyServiceGrpc.newBlockingStub(tallyChannel());
    }

    /** The registry without a deadline, for streams that last. */
    public RegistryServiceGrpc.RegistryServiceBlockingStub registryStreams() {
        return RegistryServiceGrpc.newBlockingStub(registryChannel());
    }

    /** The observer service for many calls in flight (the demo's observers), each with the deadline. */
    public ObserverServiceGrpc.ObserverServiceFutureStub observerFutures() {
        return ObserverServiceGrpc.newFutureStub(observerChannel()).withDeadlineAfter(DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public ObserverServiceGrpc.ObserverServiceBlockingStub observer() {
        return ObserverServiceGrpc.newBlockingStub(observerChannel()).withDeadlineAfter(DEADLINE.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** A new idempotency key. */
    public static String requestId() {
        return UUID.randomUUID().toString();
    }

    /** Whether a failure means "try again" (with the same request_id). */
    public static boolean isTransient(Throwable failure) {
        return failure instanceof StatusRuntimeException e && RETRY.contains(e.getStatus().getCode());
    }

    /** Runs a mutation (built with one request_id) until it is answered, retrying through outages. */
    public static <T> T retrying(Supplier<T> call) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long pause = 100;
        while (true) {
            try {
                return call.get();
            } catch (StatusRuntimeException e) {
                if (!isTransient(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            sleep(pause);
            pause = Math.min(pause * 2, 2_000);
        }
    }

    @Override
    public synchronized void close() {
        for (ManagedChannel channel : new ManagedChannel[] {registryChannel, tallyChannel, observerChannel}) {
            if (channel != null) {
                channel.shutdownNow();
            }
        }
    }

    private synchronized ManagedChannel registryChannel() {
        if (registryChannel == null) {
            registryChannel = channel(endpoints.registry);
        }
        return registryChannel;
    }

    private synchronized ManagedChannel tallyChannel() {
        if (tallyChannel == null) {
            tallyChannel = channel(endpoints.tally);
        }
        return tallyChannel;
    }

    private synchronized ManagedChannel observerChannel() {
        if (observerChannel == null) {
            observerChannel = channel(endpoints.observer);
        }
        return observerChannel;
    }

    private ManagedChannel channel(String hostPort) {
        ManagedChannelBuilder<?> builder = (tls == null ? ManagedChannelBuilder.forTarget(hostPort).usePlaintext()
                : NettyChannelBuilder.forTarget(hostPort).sslContext(clientTls())).maxInboundMessageSize(64 << 20);
        return (caller == null ? builder : builder.intercept(caller)).build();
    }

    /** The client's TLS context, read from its folder once for the three channels. */
    private synchronized SslContext clientTls() {
        if (clientTls != null) {
            return clientTls;
        }
        try {
            clientTls = GrpcSslContexts.forClient()
                    .trustManager(tls.resolve(LocalCertificates.CA).toFile())
                    .keyManager(tls.resolve(LocalCertificates.CERT).toFile(), tls.resolve(LocalCertificates.KEY).toFile())
                    .build();
            return clientTls;
        } catch (SSLException | IllegalArgumentException e) {
            throw new Failures.UsageFailure("cannot use the client certificate in " + tls + " (tls.crt, tls.key, "
                    + "ca.crt): " + e.getMessage());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
