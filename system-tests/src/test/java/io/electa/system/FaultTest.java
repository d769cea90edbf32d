package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.electa.client.ledger.LedgerVerifier;
import io.electa.client.ledger.Verification;
import io.electa.common.v1.Date;
import io.electa.local.EmbeddedDatabase;
import io.electa.registry.v1.ClosePollsRequest;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.ImportStationsRequest;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.OpenPollsRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.registry.v1.StationRow;
import io.electa.registry.v1.StationRows;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import io.electa.roll.NationalId;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.GetResultsRequest;
import io.electa.tally.v1.LedgerEntry;
import io.electa.tally.v1.ListProtocolsRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.StreamLedgerRequest;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.TallyServiceGrpc;
import io.electa.testing.LocalService;
import io.electa.testing.StreamObservers;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Faults with real processes: the services' PostgreSQL restarted while voters are imported,
 * marked and counted, and the registry and the tally killed (SIGKILL) mid-work. Clients retry as
 * real clients do (the same request_id again while the answer is UNAVAILABLE). Afterwards every
 * acknowledged write is there, exactly once: marks equal the counters and a recount, every station
 * has one accepted protocol, the ledger has no gap or fork and its totals equal the results. No
 * call was answered anything but OK or UNAVAILABLE, and no service logged an unexpected failure.
 */
class FaultTest {
    private static final int STATIONS = 20;
    private static final int VOTERS_PER_STATION = 1_000;
    private static final int MARKED_PER_STATION = 75;
    private static final Set<Status.Code> ALLOWED = EnumSet.of(Status.Code.OK, Status.Code.UNAVAILABLE,
            Status.Code.DEADLINE_EXCEEDED);

    private static EmbeddedDatabase database;
    private static LocalService registry;
    private static LocalService tally;
    private static ManagedChannel registryChannel;
    private static ManagedChannel tallyChannel;
    private static final Map<String, Long> LOG_START = new ConcurrentHashMap<>();
    private final Retrying client = new Retrying(Duration.ofMinutes(2));

    @BeforeAll
    static void start() throws Exception {
        for (String module : List.of("registry-service", "tally-service")) {
            Path log = Path.of("target", module + "-process.log");
            LOG_START.put(module, Files.exists(log) ? Files.size(log) : 0L);
        }
        database = EmbeddedDatabase.start(Files.createTempDirectory("electa-pg"), List.of("registry", "tally"));
        registry = LocalService.registry(database.address("registry"));
        tally = LocalService.tally(database.address("tally"), registry.port());
        registryChannel = Suite.channel(registry.port());
        tallyChannel = Suite.channel(tally.port());
    }

    @AfterAll
    static void stop() {
        registryChannel.shutdownNow();
        tallyChannel.shutdownNow();
        tally.close();
        registry.close();
        database.delete();
    }

    @Test
    void databaseRestartsLoseNoAcknowledgedWrite() throws Exception {
        String election = election();
        ImportReport imported = importThroughARestart(election);
        assertThat(imported.getAccepted() + imported.getUnchanged()).isEqualTo((long) STATIONS * VOTERS_PER_STATION);
        freezeAndOpen(election);

        Retrying marking = new Retrying(Duration.ofMinutes(2));
        AtomicInteger marks = new AtomicInteger();
        Map<String, Integer> marked = during(() -> markVoters(election, marking, marks), marks, 300, database::restart);
        assertMarksAreCounted(election, marked);

        client.call(() -> registry().closePolls(ClosePollsRequest.newBuilder().setElectionId(election)
                .setRequestId(UUID.randomUUID().toString()).build()));
        Retrying counting = new Retrying(Duration.ofMinutes(2));
        AtomicInteger protocols = new AtomicInteger();
        during(() -> submitProtocols(election, marked, counting, protocols), protocols, 3, database::restart);
        assertCountIsWhole(election, marked);

        assertFaultsHitAndOnlyRetriesAnswered(marking, counting);
        assertNoUnexpectedFailureLogged();
    }

    @Test
    void killedServicesLoseNoAcknowledgedWrite() throws Exception {
        String election = election();
        client.call(() -> importVoters(election));
        freezeAndOpen(election);

        Retrying marking = new Retrying(Duration.ofMinutes(2));
        AtomicInteger marks = new AtomicInteger();
        Map<String, Integer> marked = during(() -> markVoters(election, marking, marks), marks, 300,
                registry::kill, registry::restart);
        assertMarksAreCounted(election, marked);

        client.call(() -> registry().closePolls(ClosePollsRequest.newBuilder().setElectionId(election)
                .setRequestId(UUID.randomUUID().toString()).build()));
        Retrying counting = new Retrying(Duration.ofMinutes(2));
        AtomicInteger protocols = new AtomicInteger();
        during(() -> submitProtocols(election, marked, counting, protocols), protocols, 3, tally::kill, tally::restart);
        assertCountIsWhole(election, marked);

        assertFaultsHitAndOnlyRetriesAnswered(marking, counting);
        assertNoUnexpectedFailureLogged();
    }

    @Test
    void grpcHealthFollowsTheDatabase() throws Exception {
        assertThat(awaitHealth(registryChannel, HealthCheckResponse.ServingStatus.SERVING)).isTrue();
        database.stop();
        try {
            assertThat(awaitHealth(registryChannel, HealthCheckResponse.ServingStatus.NOT_SERVING))
                    .as("NOT_SERVING while the database is down").isTrue();
            assertThat(awaitHealth(tallyChannel, HealthCheckResponse.ServingStatus.NOT_SERVING)).isTrue();
        } finally {
            database.resume();
        }
        assertThat(awaitHealth(registryChannel, HealthCheckResponse.ServingStatus.SERVING))
                .as("SERVING again once it is back").isTrue();
        assertThat(awaitHealth(tallyChannel, HealthCheckResponse.ServingStatus.SERVING)).isTrue();
    }

    /** Whether the service's gRPC health (the whole server) reaches {@code wanted} within 15 s. */
    private static boolean awaitHealth(ManagedChannel channel, HealthCheckResponse.ServingStatus wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try {
                if (HealthGrpc.newBlockingStub(channel).withDeadlineAfter(2, TimeUnit.SECONDS)
                        .check(HealthCheckRequest.getDefaultInstance()).getStatus() == wanted) {
                    return true;
                }
            } catch (io.grpc.StatusRuntimeException notNow) {
                // Asked again below.
            }
            Thread.sleep(100);
        }
        return false;
    }

    /** Each phase's clients saw the fault (a retry was needed) and nothing but OK and retries. */
    private void assertFaultsHitAndOnlyRetriesAnswered(Retrying... phases) {
        for (Retrying phase : phases) {
            assertThat(phase.seen()).as("answers seen in a phase").isSubsetOf(ALLOWED)
                    .containsAnyOf(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);
        }
        assertThat(client.seen()).as("answers seen").isSubsetOf(ALLOWED);
    }

    /**
     * Runs {@code work}; once {@code progress} reaches {@code after} (work acknowledged), the
     * {@code faults} happen, one after the other, while the rest of the work goes on.
     */
    private static <T> T during(java.util.concurrent.Callable<T> work, AtomicInteger progress, int after,
            Runnable... faults) throws Exception {
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<T> result = runner.submit(work);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            while (progress.get() < after && !result.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            for (Runnable fault : faults) {
                fault.run();
            }
            return result.get(4, TimeUnit.MINUTES);
        } finally {
            runner.shutdownNow();
        }
    }

    /**
     * The roll's first load, cut by a database restart once the server is seen copying rows; the
     * client then retries the whole stream with the same request_id until it is answered.
     */
    private ImportReport importThroughARestart(String election) throws Exception {
        CompletableFuture<ImportVotersResponse> cut = new CompletableFuture<>();
        var stream = RollImportServiceGrpc.newStub(registryChannel).withDeadlineAfter(60, TimeUnit.SECONDS)
                .importVoters(StreamObservers.completing(cut));
        List<ImportVotersRequest> batches = voterBatches();
        stream.onNext(voterHeader(election));
        stream.onNext(batches.get(0));
        awaitCopying();
        database.restart();
        for (ImportVotersRequest batch : batches.subList(1, batches.size())) {
            stream.onNext(batch);
        }
        stream.onCompleted();
        assertThat(cut).as("the import cut by the restart").failsWithin(Duration.ofSeconds(60))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(io.grpc.StatusRuntimeException.class,
                        failure -> assertThat(failure.getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE));
        return client.call(() -> importVoters(election));
    }

    /** Waits until the registry is seen copying rows into the roll (a first load under way). */
    private static void awaitCopying() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (Connection connection = database.connect("registry"); Statement sql = connection.createStatement();
                    ResultSet row = sql.executeQuery("SELECT count(*) FROM pg_stat_activity"
                            + " WHERE query ~ '^COPY \"?voter' AND state = 'active'")) {
                row.next();
                if (row.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the registry never started copying the roll");
    }

    private String election() {
        String id = "f-" + UUID.randomUUID().toString().substring(0, 8);
        client.call(() -> registry().createElection(CreateElectionRequest.newBuilder().setElectionId(id)
                .setName("Faults").setElectionDay(World.ELECTION_DAY).setRequestId("create-" + id).build()));
        client.call(() -> registry().createDistrict(CreateDistrictRequest.newBuilder().setElectionId(id)
                .setDistrictCode("D1").setName("District 1").setRequestId("district-" + id).build()));
        List<StationRow> rows = new ArrayList<>();
        for (int s = 0; s < STATIONS; s++) {
            rows.add(StationRow.newBuilder().setStationCode(station(s)).setDistrictCode("D1").setName("Station " + s)
                    .setAddress("1 School Street").build());
        }
        String request = "stations-" + id;
        client.call(() -> stream(RollImportServiceGrpc.newStub(registryChannel).withDeadlineAfter(30, TimeUnit.SECONDS)
                ::importStations, ImportStationsRequest.newBuilder().setHeader(ImportHeader.newBuilder()
                        .setElectionId(id).setRequestId(request)).build(),
                List.of(ImportStationsRequest.newBuilder().setStations(StationRows.newBuilder().addAllRows(rows))
                        .build())));
        client.call(() -> tally().defineCandidates(DefineCandidatesRequest.newBuilder().setElectionId(id)
                .addCandidates(World.candidate("A", 1)).addCandidates(World.candidate("B", 2)).setRequestId("candidates-" + id)
                .build()));
        return id;
    }

    /** The roll, imported in one stream (one call: the caller retries it as a whole). */
    private ImportReport importVoters(String election) {
        return stream(RollImportServiceGrpc.newStub(registryChannel).withDeadlineAfter(60, TimeUnit.SECONDS)
                ::importVoters, voterHeader(election), voterBatches()).getReport();
    }

    private static ImportVotersRequest voterHeader(String election) {
        return ImportVotersRequest.newBuilder().setHeader(ImportHeader.newBuilder().setElectionId(election)
                .setRequestId("voters-" + election)).build();
    }

    private static List<ImportVotersRequest> voterBatches() {
        List<ImportVotersRequest> batches = new ArrayList<>();
        for (int s = 0; s < STATIONS; s++) {
            VoterRows.Builder rows = VoterRows.newBuilder();
            for (int v = 0; v < VOTERS_PER_STATION; v++) {
                rows.addRows(VoterRow.newBuilder().setNationalId(voter(s, v)).setFamilyName("Family")
                        .setGivenName("Given").setDateOfBirth(Date.newBuilder().setYear(1970).setMonth(1).setDay(1))
                        .setStationCode(station(s)));
            }
            batches.add(ImportVotersRequest.newBuilder().setVoters(rows).build());
        }
        return batches;
    }

    private void freezeAndOpen(String election) {
        client.call(() -> registry().freezeRoll(FreezeRollRequest.newBuilder().setElectionId(election)
                .setRequestId("freeze-" + election).build()));
        client.call(() -> registry().openPolls(OpenPollsRequest.newBuilder().setElectionId(election)
                .setRequestId("open-" + election).build()));
    }

    /** Four clerks mark voters at their stations, each mark retried with its request_id until answered. */
    private Map<String, Integer> markVoters(String election, Retrying clerks, AtomicInteger progress)
            throws Exception {
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        ExecutorService desks = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int s = 0; s < STATIONS; s++) {
                int station = s;
                work.add(desks.submit(() -> {
                    for (int v = 0; v < MARKED_PER_STATION; v++) {
                        MarkVotedRequest mark = MarkVotedRequest.newBuilder().setElectionId(election)
                                .setNationalId(voter(station, v)).setStationCode(station(station))
                                .setRequestId("mark-" + election + "-" + station + "-" + v).build();
                        clerks.call(() -> registry().markVoted(mark));
                        acknowledged.merge(station(station), 1, Integer::sum);
                        progress.incrementAndGet();
                    }
                }));
            }
            for (Future<?> clerk : work) {
                clerk.get();
            }
        } finally {
            desks.shutdownNow();
        }
        return acknowledged;
    }

    private List<Protocol> submitProtocols(String election, Map<String, Integer> marked, Retrying commissions,
            AtomicInteger progress) throws Exception {
        ExecutorService counters = Executors.newFixedThreadPool(2);
        try {
            List<Future<Protocol>> work = new ArrayList<>();
            for (int s = 0; s < STATIONS; s++) {
                String station = station(s);
                int voted = marked.get(station);
                SubmitProtocolRequest protocol = SubmitProtocolRequest.newBuilder().setElectionId(election)
                        .setStationCode(station).setFigures(ProtocolFigures.newBuilder()
                                .setVotersRegistered(VOTERS_PER_STATION).setBallotsReceived(VOTERS_PER_STATION)
                                .setBallotsIssuedOnDay(voted).setBallotsCancelled(VOTERS_PER_STATION - voted)
                                .setBallotsFoundStationary(voted).setBallotsValid(voted)
                                .addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode("A").setVotes(voted - 1))
                                .addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode("B").setVotes(1)))
                        .setRequestId("protocol-" + election + "-" + station).build();
                work.add(counters.submit(() -> {
                    Protocol stored = commissions.call(() -> tally().submitProtocol(protocol)).getProtocol();
                    progress.incrementAndGet();
                    return stored;
                }));
            }
            List<Protocol> stored = new ArrayList<>();
            for (Future<Protocol> commission : work) {
                stored.add(commission.get());
            }
            assertThat(stored).allSatisfy(p -> assertThat(p.getStatus())
                    .isEqualTo(ProtocolStatus.PROTOCOL_STATUS_ACCEPTED));
            return stored;
        } finally {
            counters.shutdownNow();
        }
    }

    private void assertMarksAreCounted(String election, Map<String, Integer> acknowledged) throws Exception {
        long total = acknowledged.values().stream().mapToLong(Integer::longValue).sum();
        assertThat(total).isEqualTo((long) STATIONS * MARKED_PER_STATION);
        long counted = client.call(() -> registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(election)
                .build())).getTurnout().getVoted();
        assertThat(counted).as("turnout counters").isEqualTo(total);
        try (Connection connection = database.connect("registry"); Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT (SELECT count(*) FROM vote_mark WHERE election_id = '"
                        + election + "'), (SELECT sum(voted) FROM turnout_counter WHERE election_id = '" + election
                        + "')")) {
            row.next();
            assertThat(row.getLong(1)).as("marks recounted").isEqualTo(total);
            assertThat(row.getLong(2)).as("counters summed").isEqualTo(total);
        }
    }

    private void assertCountIsWhole(String election, Map<String, Integer> marked) {
        List<Protocol> versions = client.call(() -> tally().listProtocols(ListProtocolsRequest.newBuilder()
                .setElectionId(election).setPageSize(1000).build())).getProtocolsList();
        assertThat(versions).as("one version per station").hasSize(STATIONS)
                .allSatisfy(p -> assertThat(p.getStatus()).isEqualTo(ProtocolStatus.PROTOCOL_STATUS_ACCEPTED));
        List<LedgerEntry> ledger = new ArrayList<>();
        client.call(() -> {
            ledger.clear();
            tally().streamLedger(StreamLedgerRequest.newBuilder().setElectionId(election).build())
                    .forEachRemaining(r -> ledger.add(r.getEntry()));
            return ledger;
        });
        Verification verification = LedgerVerifier.verify(election, ledger);
        assertThat(verification.problems()).as("ledger problems").isEmpty();
        assertThat(ledger).as("one entry per change: the candidates and a protocol per station").hasSize(1 + STATIONS);
        var results = client.call(() -> tally().getResults(GetResultsRequest.newBuilder().setElectionId(election)
                .build())).getResults();
        long issued = marked.values().stream().mapToLong(Integer::longValue).sum();
        assertThat(results.getBallotsIssued()).isEqualTo(issued);
        assertThat(verification.tally().sums(null).issued()).isEqualTo(issued);
        assertThat(results.getStationsReported()).isEqualTo(STATIONS);
    }

    private static void assertNoUnexpectedFailureLogged() throws Exception {
        for (String module : List.of("registry-service", "tally-service")) {
            Path log = Path.of("target", module + "-process.log");
            byte[] bytes = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
            String text = new String(bytes, LOG_START.get(module).intValue(),
                    bytes.length - LOG_START.get(module).intValue(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(text).as(module + " log").doesNotContain("Uncaught exception")
                    .doesNotContain("unexpected failure").doesNotContain("Result is already complete");
        }
    }

    private static <Q, A> A stream(java.util.function.Function<io.grpc.stub.StreamObserver<A>,
            io.grpc.stub.StreamObserver<Q>> open, Q header, List<Q> rows) {
        CompletableFuture<A> answer = new CompletableFuture<>();
        io.grpc.stub.StreamObserver<Q> stream = open.apply(StreamObservers.completing(answer));
        stream.onNext(header);
        rows.forEach(stream::onNext);
        stream.onCompleted();
        try {
            return answer.get(90, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String station(int s) {
        return String.format("S%02d", s);
    }

    private static String voter(int station, int n) {
        return NationalId.of(1 + station * VOTERS_PER_STATION + n);
    }


    private static RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(registryChannel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    private static TallyServiceGrpc.TallyServiceBlockingStub tally() {
        return TallyServiceGrpc.newBlockingStub(tallyChannel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }
}
