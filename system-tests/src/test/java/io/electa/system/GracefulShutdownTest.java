package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.local.EmbeddedDatabase;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.CreateStationRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.OpenPollsRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import io.electa.roll.NationalId;
import io.electa.testing.LocalService;
import io.electa.testing.StreamObservers;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM under load: the registry stops taking calls (UNAVAILABLE), lets the marks in flight
 * finish, and only then stops; every mark it acknowledged is stored, every call it refused stored
 * nothing, and no call failed otherwise.
 */
class GracefulShutdownTest {
    private static final int VOTERS = 3_000;

    @Test
    void sigtermLetsCallsInFlightFinishAndRefusesNewOnes() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("electa-pg"), List.of("registry"));
        try {
            LocalService registry = LocalService.registry(database.address("registry"));
            long logStart = logSize();
            ManagedChannel channel = Suite.channel(registry.port());
            String election = prepare(channel);
            Map<Status.Code, Integer> answers = new ConcurrentHashMap<>();
            AtomicInteger acknowledged = new AtomicInteger();
            ExecutorService clerks = Executors.newFixedThreadPool(8);
            AtomicInteger next = new AtomicInteger();
            for (int c = 0; c < 8; c++) {
                clerks.submit(() -> {
                    for (int n = next.getAndIncrement(); n < VOTERS; n = next.getAndIncrement()) {
                        try {
                            RegistryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS)
                                    .markVoted(MarkVotedRequest.newBuilder().setElectionId(election)
                                            .setNationalId(NationalId.of(n + 1)).setStationCode("S1")
                                            .setRequestId("m-" + n).build());
                            acknowledged.incrementAndGet();
                            answers.merge(Status.Code.OK, 1, Integer::sum);
                        } catch (StatusRuntimeException e) {
                            answers.merge(e.getStatus().getCode(), 1, Integer::sum);
                        }
                    }
                });
            }
            while (acknowledged.get() < 300) {
                Thread.sleep(5);
            }
            registry.stop();
            clerks.shutdown();
            assertThat(clerks.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            channel.shutdownNow();

            assertThat(answers.keySet()).as("answers while shutting down")
                    .isSubsetOf(Status.Code.OK, Status.Code.UNAVAILABLE).contains(Status.Code.UNAVAILABLE);
            try (Connection connection = database.connect("registry"); Statement sql = connection.createStatement();
                    ResultSet row = sql.executeQuery("SELECT count(*) FROM vote_mark")) {
                row.next();
                assertThat(row.getLong(1)).as("marks stored").isEqualTo(acknowledged.get());
            }
            String log = newLog(logStart);
            assertThat(log).contains("every call in flight has finished").doesNotContain("\"level\":\"ERROR\"");
        } finally {
            database.delete();
        }
    }

    private static String prepare(ManagedChannel channel) {
        var registry = RegistryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS);
        String election = "g-" + System.nanoTime();
        registry.createElection(CreateElectionRequest.newBuilder().setElectionId(election).setName("Shutdown")
                .setElectionDay(World.ELECTION_DAY).setRequestId("e-" + election).build());
        registry.createDistrict(CreateDistrictRequest.newBuilder().setElectionId(election).setDistrictCode("D1")
                .setName("District").setRequestId("d-" + election).build());
        registry.createStation(CreateStationRequest.newBuilder().setElectionId(election).setStationCode("S1")
                .setDistrictCode("D1").setName("Station").setAddress("1 School Street").setRequestId("s-" + election)
                .build());
        VoterRows.Builder rows = VoterRows.newBuilder();
        for (int n = 1; n <= VOTERS; n++) {
            rows.addRows(VoterRow.newBuilder().setNationalId(NationalId.of(n)).setFamilyName("Family")
                    .setGivenName("Given").setDateOfBirth(World.ELECTION_DAY.toBuilder().setYear(1970))
                    .setStationCode("S1"));
        }
        CompletableFuture<ImportVotersResponse> imported = new CompletableFuture<>();
        var stream = RollImportServiceGrpc.newStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
                .importVoters(StreamObservers.completing(imported));
        stream.onNext(ImportVotersRequest.newBuilder().setHeader(ImportHeader.newBuilder().setElectionId(election)
                .setRequestId("v-" + election)).build());
        stream.onNext(ImportVotersRequest.newBuilder().setVoters(rows).build());
        stream.onCompleted();
        imported.orTimeout(60, TimeUnit.SECONDS).join();
        registry.freezeRoll(FreezeRollRequest.newBuilder().setElectionId(election).setRequestId("f-" + election)
                .build());
        registry.openPolls(OpenPollsRequest.newBuilder().setElectionId(election).setRequestId("o-" + election)
                .build());
        return election;
    }

    private static Path log() {
        return Path.of("target", "registry-service-process.log");
    }

    private static long logSize() throws Exception {
        return Files.exists(log()) ? Files.size(log()) : 0;
    }

    private static String newLog(long from) throws Exception {
        byte[] bytes = Files.readAllBytes(log());
        return new String(bytes, (int) from, bytes.length - (int) from, java.nio.charset.StandardCharsets.UTF_8);
    }
}
