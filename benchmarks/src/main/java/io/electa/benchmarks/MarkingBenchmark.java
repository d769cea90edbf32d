package io.electa.benchmarks;

import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollDigest;
import io.electa.scenario.Geography;
import io.electa.scenario.VoterGenerator;
import io.electa.testing.TestTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Part B: the roll is frozen (and PostgreSQL's own read of the roll in digest order measured
 * beside it), the polls opened, the registry warmed up; then, for every client count of the
 * sweep and in several rounds, three measurements one after the other: concurrent clients mark
 * fresh voters at their own station through {@code MarkVoted}; pgbench runs the equivalent
 * single-row insert straight into PostgreSQL from as many connections (the floor); and the
 * former JDBC loop does the same.
 */
final class MarkingBenchmark {
    /** Unmeasured load before each measured window, so that one window does not pay for the last. */
    private static final Duration SETTLE = Duration.ofSeconds(2);
    private static final String READ_ROLL = "COPY (SELECT station_code, national_id FROM voter WHERE election_id = '%s'"
            + " ORDER BY station_code COLLATE \"C\", national_id COLLATE \"C\") TO '/dev/null'";

    /** One round at one client count: the gRPC marks and both floors. */
    record Round(LoadResult grpc, PgbenchFloor.Result pgbench, LoadResult jdbc) {
        double ratioToPgbench() {
            return grpc.perSecond() / pgbench.perSecond();
        }

        double ratioToJdbc() {
            return grpc.perSecond() / jdbc.perSecond();
        }
    }

    /** Every round at one client count. */
    record Sweep(int clients, List<Round> rounds) {
        Spread grpc() {
            return Spread.of(rounds.stream().mapToDouble(r -> r.grpc().perSecond()).toArray());
        }

        Spread pgbench() {
            return Spread.of(rounds.stream().mapToDouble(r -> r.pgbench().perSecond()).toArray());
        }

        Spread jdbc() {
            return Spread.of(rounds.stream().mapToDouble(r -> r.jdbc().perSecond()).toArray());
        }

        Spread ratioToPgbench() {
            return Spread.of(rounds.stream().mapToDouble(Round::ratioToPgbench).toArray());
        }

        Spread ratioToJdbc() {
            return Spread.of(rounds.stream().mapToDouble(Round::ratioToJdbc).toArray());
        }

        /** gRPC latency percentile {@code p} in ms, per round. */
        Spread latency(double p) {
            return Spread.of(rounds.stream().mapToDouble(r -> r.grpc().latencyMillis(p)).toArray());
        }

        /** Microseconds of CPU per gRPC mark, of the registry, the clients and PostgreSQL. */
        Spread grpcCpu(Function<CpuMeter.CpuUse, OptionalLong> party) {
            return Spread.of(rounds.stream().mapToDouble(r -> CpuMeter.CpuUse.microsPerCall(
                    party.apply(r.grpc().cpu()), r.grpc().measuredCalls())).toArray());
        }

        /** Microseconds of PostgreSQL's CPU per pgbench insert. */
        Spread pgbenchPostgresCpu() {
            return Spread.of(rounds.stream().mapToDouble(r -> CpuMeter.CpuUse.microsPerCall(
                    r.pgbench().cpu().postgresNanos(), r.pgbench().transactions())).toArray());
        }

        List<LoadResult> loads() {
            List<LoadResult> loads = new ArrayList<>();
            rounds.forEach(r -> {
                loads.add(r.grpc());
                loads.add(r.jdbc());
            });
            return loads;
        }
    }

    /** The outcome of part B. */
    record Figures(Duration warmup, Duration window, long freezeNanos, Spread rollReadSeconds, long registered,
            LoadResult warmupRun, List<Sweep> sweeps, List<String> pgbenchFailures) {

        /** Marks MarkVoted answered OK, warm-up included. */
        long answeredMarks() {
            return warmupRun.totalCalls() + sweeps.stream().flatMap(s -> s.rounds().stream())
                    .mapToLong(r -> r.grpc().totalCalls()).sum();
        }

        double freezeToRollRead() {
            return freezeNanos / 1e9 / rollReadSeconds.median();
        }
    }

    private final BenchDatabase database;
    private final RegistryAdmin admin;
    private final int port;
    private final String electionId;
    private final VoterGenerator voters;
    private final Geography geography;
    private final BenchmarkOptions options;
    private final CpuMeter cpu;
    private final VoterCursor markCursor;
    private final VoterCursor floorCursor;

    MarkingBenchmark(BenchDatabase database, RegistryAdmin admin, int port, String electionId,
            VoterGenerator voters, Geography geography, BenchmarkOptions options, VoterCursor markCursor, CpuMeter cpu) {
        this.database = database;
        this.admin = admin;
        this.port = port;
        this.electionId = electionId;
        this.voters = voters;
        this.geography = geography;
        this.options = options;
        this.cpu = cpu;
        this.markCursor = markCursor;
        this.floorCursor = new VoterCursor(Long.MAX_VALUE);
    }

    Figures run() throws Exception {
        Log.info("B) freezing the roll");
        database.checkpoint();
        long start = System.nanoTime();
        RollDigest digest = admin.freezeRoll();
        long freezeNanos = System.nanoTime() - start;
        Spread rollRead = readRoll();
        Log.info(String.format("   froze in %.1f s; PostgreSQL reads the roll in digest order in %s s",
                freezeNanos / 1e9, rollRead.format(2)));
        admin.openPolls();
        Duration window = Duration.ofSeconds(options.markSeconds());
        Duration warmup = Duration.ofSeconds(options.warmupSeconds());
        try (Connection connection = database.connect()) {
            FloorMarking.createTable(connection);
        }
        PgbenchFloor pgbench = new PgbenchFloor(database, electionId, options.stations());
        database.checkpoint();
        signClerkTokens();
        int firstClients = options.markClients().get(0);
        Log.info(String.format("B) warming the registry up: %d gRPC clients for %d s", firstClients,
                warmup.toSeconds()));
        LoadResult warmupRun = new ClosedLoopLoad(firstClients, markCursor, cpu, warmup, Duration.ZERO)
                .runAsync(GrpcMarking.clients(port, electionId, voters));
        List<Sweep> sweeps = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (int clients : options.markClients()) {
            List<Round> rounds = new ArrayList<>();
            for (int round = 1; round <= options.rounds(); round++) {
                LoadResult grpc = load(clients, window).runAsync(GrpcMarking.clients(port, electionId, voters));
                PgbenchFloor.Result floor = pgbench.run(clients, window, cpu);
                if (!floor.ok()) {
                    failures.add(floor.failure());
                }
                LoadResult jdbc = load(clients, window, floorCursor).run("floor",
                        FloorMarking.clients(database, electionId, voters));
                rounds.add(new Round(grpc, floor, jdbc));
                Log.info(String.format("   %d clients, round %d/%d: MarkVoted %,.0f/s (p99 %.1f ms), pgbench %,.0f/s,"
                        + " JDBC %,.0f/s", clients, round, options.rounds(), grpc.perSecond(),
                        grpc.latencyMillis(99), floor.perSecond(), jdbc.perSecond()));
            }
            sweeps.add(new Sweep(clients, rounds));
        }
        return new Figures(warmup, window, freezeNanos, rollRead, digest.getTotalRegistered(), warmupRun, sweeps,
                failures);
    }

    /**
     * Every station's clerk gets the token of the day before the polls open (as from the
     * commission's identity provider), so that the measured windows do not sign tokens.
     */
    private void signClerkTokens() {
        Log.info(String.format("B) signing the clerks' tokens of %,d stations", geography.stations()));
        for (int s = 0; s < geography.stations(); s++) {
            TestTokens.acting().tokenFor(RegistryServiceGrpc.getMarkVotedMethod(), MarkVotedRequest.newBuilder()
                    .setElectionId(electionId).setStationCode(geography.stationCode(s)).build());
        }
    }

    private ClosedLoopLoad load(int clients, Duration window) {
        return load(clients, window, markCursor);
    }

    private ClosedLoopLoad load(int clients, Duration window, VoterCursor cursor) {
        return new ClosedLoopLoad(clients, cursor, cpu, SETTLE, window);
    }

    /** PostgreSQL alone reading the roll in the digests' order, once per round, in seconds. */
    private Spread readRoll() throws SQLException {
        double[] seconds = new double[options.rounds()];
        try (Connection connection = database.connect();
                PreparedStatement read = connection.prepareStatement(READ_ROLL.formatted(electionId))) {
            for (int round = 0; round < seconds.length; round++) {
                long start = System.nanoTime();
                read.execute();
                seconds[round] = (System.nanoTime() - start) / 1e9;
            }
        }
        return Spread.of(seconds);
    }
}
