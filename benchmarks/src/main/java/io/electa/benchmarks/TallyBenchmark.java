package io.electa.benchmarks;

import io.electa.local.ServiceProcess;
import io.electa.local.SigningKeys;
import io.electa.registry.v1.RollDigest;
import io.electa.registry.v1.StationRollDigest;
import io.electa.scenario.Geography;
import io.electa.scenario.VoterGenerator;
import io.electa.tally.v1.GetResultsRequest;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.TallyServiceGrpc;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The tally benchmark: the reference scenario's 6,537 stations in 125 districts with a frozen
 * roll in the real registry, then every station's protocol submitted by 8 concurrent clients to
 * the real tally (registry cross-checks on: every submission asks the registry for the station's
 * roll size and marks), while one more client reads the national results. Prints protocols/s, the
 * time until the national result includes every protocol after the last acknowledgement, and
 * GetResults latency percentiles; checks that every protocol was accepted and that the national
 * result equals the sum of the submitted figures.
 *
 * <p>A rehearsal election with the same stations and empty rolls is counted first, as a
 * commission rehearses the count before election night; its figures (fresh JVMs) are printed too,
 * and the goals apply to the second count.
 *
 * <p>Run from the repository root after
 * {@code ./mvnw -B package -DskipTests -pl registry-service,tally-service,benchmarks -am}:
 * {@code java -cp benchmarks/target/electa-benchmarks.jar io.electa.benchmarks.TallyBenchmark}
 * (the registry benchmark's options apply; defaults here: 100 voters per station, i.e.
 * {@code --voters 653700}). Exit code 0 when every check passed.
 */
public final class TallyBenchmark {
    static final String ELECTION_ID = "tally-bench-2027";
    /** Counted first, with empty rolls, so that the measured count meets JVMs that have run the code. */
    static final String REHEARSAL_ID = "tally-rehearsal-2027";
    private static final String[] DEFAULTS = {"--voters", "653700", "--database", "electa_bench",
        "--registry-log", "benchmarks/target/tally-benchmark-registry.log"};
    private static final String TALLY_DATABASE = "electa_bench_tally";
    private static final Path TALLY_JAR = Path.of("tally-service/target/quarkus-app/quarkus-run.jar");
    private static final Path TALLY_LOG = Path.of("benchmarks/target/tally-benchmark-tally.log");

    private TallyBenchmark() {
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(Stream.concat(Arrays.stream(DEFAULTS), Arrays.stream(args))
                    .toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        int exitCode;
        try {
            exitCode = run(options);
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private static int run(BenchmarkOptions options) throws Exception {
        Geography geography = new Geography(options.districts(), options.stations());
        BenchDatabase registryDb = new BenchDatabase(options.postgres(), options.adminUser(), options.database(),
                options.serviceUser());
        BenchDatabase tallyDb = new BenchDatabase(options.postgres(), options.adminUser(), TALLY_DATABASE,
                options.serviceUser());
        registryDb.recreate();
        tallyDb.recreate();
        try (ServiceProcess registry = ServiceProcess.launch("registry-service", options.registryJar(),
                List.of("-Xmx" + options.registryHeap()), Channels.trusting(Map.of("ELECTA_DB", registryDb.hostPortDb(),
                        "ELECTA_DB_USER", registryDb.owner())), ServiceProcess.freePort(), options.registryLog())) {
            ManagedChannel registryChannel = Channels.open(registry.port());
            RegistryAdmin rehearsal = prepare(registryChannel, REHEARSAL_ID, geography, null, options);
            RegistryAdmin election = prepare(registryChannel, ELECTION_ID, geography, new VoterGenerator(
                    options.seed(), options.voters(), geography, RegistryBenchmark.ELECTION_DAY), options);
            RollDigest rehearsalRoll = rehearsal.freezeRoll();
            RollDigest roll = election.freezeRoll();
            Log.info("starting the tally against " + tallyDb.hostPortDb());
            try (ServiceProcess tally = ServiceProcess.launch("tally-service", TALLY_JAR, List.of("-Xmx512m"),
                    Channels.trusting(Map.of("ELECTA_DB", tallyDb.hostPortDb(), "ELECTA_DB_USER", tallyDb.owner(),
                            "ELECTA_REGISTRY_PORT", Integer.toString(registry.port()),
                            "ELECTA_LEDGER_SIGNING_KEY", SigningKeys.generate())),
                    ServiceProcess.freePort(), TALLY_LOG)) {
                ManagedChannel tallyChannel = Channels.open(tally.port());
                try {
                    Log.info("rehearsal (fresh JVMs, empty rolls): the measured count of the figures below");
                    TallyLoad.Figures cold = count(tallyChannel, rehearsal, REHEARSAL_ID, geography, rehearsalRoll,
                            options.markClients().get(0));
                    Log.info("election night: the count the goals apply to");
                    TallyLoad.Figures warm = count(tallyChannel, election, ELECTION_ID, geography, roll,
                            options.markClients().get(0));
                    Results nation = TallyServiceGrpc.newBlockingStub(tallyChannel)
                            .withDeadlineAfter(10, TimeUnit.SECONDS)
                            .getResults(GetResultsRequest.newBuilder().setElectionId(ELECTION_ID).build())
                            .getResults();
                    TallySummary summary = new TallySummary(cold, warm, protocols(roll), nation,
                            tally.peakRssKib());
                    summary.print(System.out);
                    return summary.allPassed() ? 0 : 1;
                } finally {
                    Channels.close(tallyChannel);
                    Channels.close(registryChannel);
                }
            }
        }
    }

    /** Creates the election, its districts and stations, and imports {@code voters} (none when null). */
    private static RegistryAdmin prepare(ManagedChannel channel, String electionId, Geography geography,
            VoterGenerator voters, BenchmarkOptions options) throws Exception {
        RegistryAdmin admin = new RegistryAdmin(channel, electionId);
        Log.info(String.format("election %s: %,d districts, %,d stations, %,d voters", electionId,
                geography.districts(), geography.stations(), voters == null ? 0 : options.voters()));
        admin.createElection(RegistryBenchmark.ELECTION_DAY);
        admin.createDistricts(geography);
        admin.importStations(geography);
        if (voters != null) {
            VoterImportStream.run(channel, electionId, voters, options.rowsPerMessage());
        }
        return admin;
    }

    /** Defines the candidates, opens and closes the polls, then submits every station's protocol. */
    private static TallyLoad.Figures count(ManagedChannel tallyChannel, RegistryAdmin admin, String electionId,
            Geography geography, RollDigest roll, int clients) throws InterruptedException {
        TallyLoad load = new TallyLoad(tallyChannel, electionId, geography);
        load.defineCandidates();
        admin.openPolls();
        admin.closePolls();
        return load.run(protocols(roll), clients);
    }

    private static List<TallyLoad.StationProtocol> protocols(RollDigest roll) {
        List<TallyLoad.StationProtocol> protocols = new ArrayList<>();
        for (StationRollDigest station : roll.getStationsList()) {
            protocols.add(TallyLoad.protocol(station.getStationCode(), station.getRollSize()));
        }
        return protocols;
    }
}
