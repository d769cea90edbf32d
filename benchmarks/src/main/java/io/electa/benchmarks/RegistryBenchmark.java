package io.electa.benchmarks;

import io.electa.local.ServiceProcess;
import io.electa.scenario.Geography;
import io.electa.scenario.VoterGenerator;
import io.grpc.ManagedChannel;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * The registry benchmark, in one run on one machine: recreates a scratch database, starts the
 * packaged registry service as a child process against it, sets up an election with its
 * districts and stations, then measures (A) the gRPC voter import against COPY of the same rows
 * and (B) concurrent gRPC marking against single-row inserts, verifies the results and prints a
 * summary. The registry is stopped at the end, also on failure.
 *
 * <p>Run from the repository root after
 * {@code ./mvnw -B package -DskipTests -pl registry-service,benchmarks -am}:
 * {@code java -jar benchmarks/target/electa-benchmarks.jar [--voters N] [--mark-seconds S]};
 * {@code --help} lists every option. Exit code 0 when every check passed, 1 when a check failed
 * or the run broke, 2 for bad options. Progress goes to standard error, the summary to standard
 * output.
 */
public final class RegistryBenchmark {
    static final String ELECTION_ID = "bench-2027";
    static final LocalDate ELECTION_DAY = LocalDate.of(2027, 2, 7);

    private final BenchmarkOptions options;

    private RegistryBenchmark(BenchmarkOptions options) {
        this.options = options;
    }

    public static void main(String[] args) {
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(BenchmarkOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(BenchmarkOptions.USAGE);
            return;
        }
        int exitCode;
        try {
            exitCode = new RegistryBenchmark(options).run();
        } catch (Exception e) {
            System.err.println("benchmark failed: " + e);
            e.printStackTrace();
            exitCode = 1;
        }
        System.exit(exitCode);
    }

    private int run() throws Exception {
        Geography geography = new Geography(options.districts(), options.stations());
        VoterGenerator voters = new VoterGenerator(options.seed(), options.voters(), geography, ELECTION_DAY);
        BenchDatabase database = new BenchDatabase(options.postgres(), options.adminUser(), options.database(),
                options.serviceUser());
        Log.info("recreating database " + database.hostPortDb());
        database.recreate();

        Summary summary;
        Log.info("starting the registry against " + database.hostPortDb());
        try (ServiceProcess registry = ServiceProcess.launch("registry-service", options.registryJar(),
                List.of("-Xmx" + options.registryHeap()), Channels.trusting(Map.of("ELECTA_DB", database.hostPortDb(),
                        "ELECTA_DB_USER", database.owner())), ServiceProcess.freePort(), options.registryLog())) {
            Log.info("registry ready (pid " + registry.pid() + ", port " + registry.port() + ", log "
                    + registry.log() + ")");
            ManagedChannel channel = Channels.open(registry.port());
            try {
                RegistryAdmin admin = new RegistryAdmin(channel, ELECTION_ID);
                Log.info(String.format("creating election %s with %,d districts and %,d stations", ELECTION_ID,
                        geography.districts(), geography.stations()));
                admin.createElection(ELECTION_DAY);
                admin.createDistricts(geography);
                admin.importStations(geography);

                ImportBenchmark.Figures imports = new ImportBenchmark(database, channel, ELECTION_ID, voters,
                        options.rowsPerMessage()).run();
                OptionalLong rssAfterImport = registry.peakRssKib();

                VoterCursor unmarked = new VoterCursor(voters.count());
                CpuMeter cpu = new CpuMeter(registry.pid());
                MarkingBenchmark.Figures marking = new MarkingBenchmark(database, admin, registry.port(),
                        ELECTION_ID, voters, geography, options, unmarked, cpu).run();
                PollBookBenchmark.Figures pollBooks = null;
                if (options.pollBookMarks() > 0) {
                    Log.info(String.format("C) poll books: %,d marks per round from %d clients",
                            options.pollBookMarks(), options.markClients().get(0)));
                    pollBooks = new PollBookBenchmark(database, registry.port(), ELECTION_ID, voters, unmarked, cpu,
                            options.markClients().get(0), options.pollBookMarks(), options.rounds()).run();
                }
                MarkAudit audit;
                try (Connection connection = database.connect()) {
                    audit = MarkAudit.of(connection, ELECTION_ID);
                }
                summary = new Summary(options, imports, marking, pollBooks, audit, admin.nationalVoted(),
                        rssAfterImport, registry.peakRssKib());
            } finally {
                Channels.close(channel);
                Log.info("stopping the registry");
            }
        }
        summary.print(System.out);
        return summary.allPassed() ? 0 : 1;
    }
}
