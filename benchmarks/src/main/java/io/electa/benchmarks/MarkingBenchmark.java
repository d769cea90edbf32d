package io.electa.benchmarks;

import io.electa.registry.v1.RollDigest;
import io.electa.scenario.VoterGenerator;
import java.sql.Connection;
import java.time.Duration;

/**
 * Part B: the roll is frozen and the polls opened; then concurrent clients mark distinct voters
 * at their own station through {@code MarkVoted}, and afterwards the same number of JDBC
 * connections do the equivalent single-row inserts (the floor). Finally the marks are audited
 * against the registry's own turnout.
 */
final class MarkingBenchmark {

    /** The outcome of part B. */
    record Figures(int clients, Duration warmup, Duration window, long freezeNanos, long registered,
            LoadResult grpc, LoadResult floor, MarkAudit audit, long turnoutVoted) {

        /** gRPC marks/s over floor inserts/s; the goal is at least 0.6. */
        double ratio() {
            return grpc.perSecond() / floor.perSecond();
        }
    }

    private final BenchDatabase database;
    private final RegistryAdmin admin;
    private final int port;
    private final String electionId;
    private final VoterGenerator voters;
    private final int clients;
    private final Duration warmup;
    private final Duration window;

    MarkingBenchmark(BenchDatabase database, RegistryAdmin admin, int port, String electionId,
            VoterGenerator voters, int clients, Duration warmup, Duration window) {
        this.database = database;
        this.admin = admin;
        this.port = port;
        this.electionId = electionId;
        this.voters = voters;
        this.clients = clients;
        this.warmup = warmup;
        this.window = window;
    }

    Figures run() throws Exception {
        Log.info("B) freezing the roll");
        long start = System.nanoTime();
        RollDigest digest = admin.freezeRoll();
        long freezeNanos = System.nanoTime() - start;
        admin.openPolls();
        database.checkpoint();
        Log.info(String.format("B) marking with %d gRPC clients: %d s warm-up, %d s measured", clients,
                warmup.toSeconds(), window.toSeconds()));
        LoadResult grpc = load().run("mark", GrpcMarking.clients(port, electionId, voters));
        Log.info(String.format("   %.0f marks/s", grpc.perSecond()));
        try (Connection connection = database.connect()) {
            MarkAudit audit = MarkAudit.of(connection, electionId);
            long turnoutVoted = admin.nationalVoted();
            FloorMarking.createTable(connection);
            database.checkpoint();
            Log.info(String.format("B) floor: %d JDBC connections inserting into %s", clients, FloorMarking.TABLE));
            LoadResult floor = load().run("floor", FloorMarking.clients(database, electionId, voters));
            Log.info(String.format("   %.0f inserts/s", floor.perSecond()));
            return new Figures(clients, warmup, window, freezeNanos, digest.getTotalRegistered(), grpc, floor, audit,
                    turnoutVoted);
        }
    }

    private ClosedLoopLoad load() {
        return new ClosedLoopLoad(clients, voters.count(), warmup, window);
    }
}
