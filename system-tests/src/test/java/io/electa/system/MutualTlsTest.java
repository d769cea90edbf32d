package io.electa.system;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.electa.client.tls.Authority;
import io.electa.client.tls.LocalCertificates;
import io.electa.observer.v1.ObserverServiceGrpc;
import io.electa.observer.v1.SetQuotaRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.FindPollingStationRequest;
import io.electa.registry.v1.GetElectionRequest;
import io.electa.registry.v1.ListDistrictsRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.TallyServiceGrpc;
import io.electa.testing.LocalService;
import io.electa.testing.TestTokens;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three services with mutual TLS configured (ELECTA_TLS_DIR, certificates of a local
 * authority): they call each other over it, a back-office client with a certificate of the
 * authority is served, and plaintext, a missing client certificate, one of a foreign authority
 * and a service calling outside the call graph are refused; health stays readable for probes.
 */
class MutualTlsTest {
    private static final Path CERTIFICATES = Path.of("target", "mutual-tls");
    private static final String BACK_OFFICE = "back-office";
    private static LocalCertificates authority;
    private static LocalService registry;
    private static LocalService tally;
    private static LocalService observer;
    private static final List<ManagedChannel> CHANNELS = new ArrayList<>();

    @BeforeAll
    static void start() {
        authority = LocalCertificates.in(CERTIFICATES);
        registry = LocalService.registry(Suite.HOST_PORT + "electa_registry_tls", tlsOf("registry"));
        tally = LocalService.tally(Suite.HOST_PORT + "electa_tally_tls", registry.port(), tlsOf("tally"));
        observer = LocalService.observer(Suite.HOST_PORT + "electa_observer_tls", registry.port(), tally.port(),
                tlsOf("observer"));
    }

    @AfterAll
    static void stop() {
        CHANNELS.forEach(ManagedChannel::shutdownNow);
        for (LocalService service : new LocalService[] {observer, tally, registry}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void theServicesCallEachOtherOverMutualTlsAndServeABackOfficeClientWithACertificate() {
        Path backOffice = authority.identity(BACK_OFFICE);
        String election = World.unique("tls");
        registry(backOffice, registry.port()).createElection(CreateElectionRequest.newBuilder().setElectionId(election)
                .setName("Election over mutual TLS").setElectionDay(World.ELECTION_DAY)
                .setRequestId(World.requestId()).build());

        var candidates = TallyServiceGrpc.newBlockingStub(channel(backOffice, tally.port()))
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .defineCandidates(DefineCandidatesRequest.newBuilder().setElectionId(election)
                        .addCandidates(World.candidate("A", 1)).addCandidates(World.candidate("B", 2))
                        .setRequestId(World.requestId()).build());
        assertThat(candidates.getCandidatesCount()).as("the tally asked the registry over mutual TLS").isEqualTo(2);

        var observers = ObserverServiceGrpc.newBlockingStub(channel(backOffice, observer.port()))
                .withDeadlineAfter(30, TimeUnit.SECONDS);
        String organisation = World.unique("org");
        observers.createOrganisation(World.organisation(organisation).build());
        var quota = observers.setQuota(SetQuotaRequest.newBuilder().setOrganisationId(organisation)
                .setElectionId(election).setMaxObservers(5).setRequestId(World.requestId()).build());
        assertThat(quota.getQuota().getMaxObservers()).as("the observer asked the registry over mutual TLS")
                .isEqualTo(5);
    }

    @Test
    void plaintextIsRefused() {
        ManagedChannel plaintext = keep(ManagedChannelBuilder.forAddress("localhost", registry.port())
                .usePlaintext().intercept(TestTokens.acting()).build());
        assertThatThrownBy(() -> RegistryServiceGrpc.newBlockingStub(plaintext).withDeadlineAfter(10, TimeUnit.SECONDS)
                .getElection(GetElectionRequest.newBuilder().setElectionId("any").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
    }

    @Test
    void aCallWithoutAClientCertificateIsRefused() throws Exception {
        ManagedChannel anonymous = keep(NettyChannelBuilder.forAddress("localhost", registry.port())
                .sslContext(GrpcSslContexts.forClient().trustManager(authority.identity(BACK_OFFICE)
                        .resolve(LocalCertificates.CA).toFile()).build())
                .build());
        assertThatThrownBy(() -> RegistryServiceGrpc.newBlockingStub(anonymous).withDeadlineAfter(10, TimeUnit.SECONDS)
                .getElection(GetElectionRequest.newBuilder().setElectionId("any").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
                    assertThat(errorInfo(e).getReason()).isEqualTo("CLIENT_CERTIFICATE_MISSING");
                });
    }

    @Test
    void aClientCertificateOfAForeignAuthorityIsRefused() throws Exception {
        Path foreign = LocalCertificates.in(CERTIFICATES.resolve("foreign-authority")).identity(BACK_OFFICE);
        SslContextBuilder tls = GrpcSslContexts.forClient()
                .trustManager(authority.identity(BACK_OFFICE).resolve(LocalCertificates.CA).toFile())
                .keyManager(foreign.resolve(LocalCertificates.CERT).toFile(), foreign.resolve(LocalCertificates.KEY).toFile());
        ManagedChannel impostor = keep(NettyChannelBuilder.forAddress("localhost", registry.port())
                .sslContext(tls.build()).build());
        assertThatThrownBy(() -> RegistryServiceGrpc.newBlockingStub(impostor).withDeadlineAfter(10, TimeUnit.SECONDS)
                .getElection(GetElectionRequest.newBuilder().setElectionId("any").build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertThat(e.getStatus().getCode())
                        .as(e.getStatus().toString()).isIn(Status.Code.UNAVAILABLE, Status.Code.UNAUTHENTICATED));
    }

    @Test
    void aServiceMayCallOnlyTheRpcsOfTheCallGraph() {
        var asTally = registry(authority.identity("tally"), registry.port());
        var asObserver = registry(authority.identity("observer"), registry.port());

        StatusRuntimeException notAPublicRead = assertThrows(() -> asTally.findPollingStation(
                FindPollingStationRequest.newBuilder().setElectionId("any").setNationalId("0000000000")
                        .setDateOfBirth(World.ELECTION_DAY).build()));
        StatusRuntimeException notAChange = assertThrows(() -> asTally.createElection(CreateElectionRequest.newBuilder()
                .setElectionId(World.unique("tls")).setName("Not the tally's business")
                .setElectionDay(World.ELECTION_DAY).setRequestId(World.requestId()).build()));
        StatusRuntimeException notTheObservers = assertThrows(() -> asObserver.listDistricts(
                ListDistrictsRequest.newBuilder().setElectionId("any").build()));
        StatusRuntimeException inTheGraph = assertThrows(() -> asTally.getElection(
                GetElectionRequest.newBuilder().setElectionId("no-such-election").build()));

        for (StatusRuntimeException refused : List.of(notAPublicRead, notAChange, notTheObservers)) {
            assertThat(refused.getStatus().getCode()).as(refused.getStatus().toString())
                    .isEqualTo(Status.Code.PERMISSION_DENIED);
            assertThat(errorInfo(refused).getReason()).isEqualTo("NOT_IN_CALL_GRAPH");
        }
        assertThat(inTheGraph.getStatus().getCode()).as("GetElection is the tally's to call: the election is "
                + "simply unknown").isEqualTo(Status.Code.NOT_FOUND);
    }

    @Test
    void healthStaysReadableOverTlsWithoutAClientCertificateForProbes() throws Exception {
        Path ca = authority.identity(BACK_OFFICE).resolve(LocalCertificates.CA);
        HttpClient https = HttpClient.newBuilder().sslContext(Authority.trusting(ca))
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (LocalService service : List.of(registry, tally, observer)) {
            HttpResponse<String> ready = https.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + service.port() + "/q/health/ready")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
        }
        HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + registry.port()
                        + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()))
                .as("no plaintext, health included").isInstanceOf(IOException.class);
    }

    private static Map<String, String> tlsOf(String service) {
        return Map.of("ELECTA_TLS_DIR", authority.identity(service).toAbsolutePath().toString());
    }

    private static RegistryServiceGrpc.RegistryServiceBlockingStub registry(Path identity, int port) {
        return RegistryServiceGrpc.newBlockingStub(channel(identity, port)).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static ManagedChannel channel(Path identity, int port) {
        try {
            return keep(NettyChannelBuilder.forAddress("localhost", port)
                    .sslContext(GrpcSslContexts.forClient()
                            .trustManager(identity.resolve(LocalCertificates.CA).toFile())
                            .keyManager(identity.resolve(LocalCertificates.CERT).toFile(),
                                    identity.resolve(LocalCertificates.KEY).toFile())
                            .build())
                    .intercept(TestTokens.acting())
                    .build());
        } catch (javax.net.ssl.SSLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ManagedChannel keep(ManagedChannel channel) {
        CHANNELS.add(channel);
        return channel;
    }

    private static StatusRuntimeException assertThrows(Runnable call) {
        try {
            call.run();
        } catch (StatusRuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a refusal");
    }
}
