package io.electa.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The benchmark's command-line options ({@code --name value} or {@code --name=value}), with the
 * defaults of the reference scenario: a national roll of 6.5 M voters at 6,537 stations in 125
 * districts, and 20 s of marking by 8 clients.
 */
record BenchmarkOptions(
        long voters,
        long seed,
        int districts,
        int stations,
        int rowsPerMessage,
        List<Integer> markClients,
        int rounds,
        int markSeconds,
        int pollBookMarks,
        int warmupSeconds,
        String postgres,
        String adminUser,
        String database,
        String serviceUser,
        Path registryJar,
        String registryHeap,
        Path registryLog,
        boolean help) {

    static final String USAGE = """
            Usage: java -jar benchmarks/target/electa-benchmarks.jar [options]   (from the repository root)

              --voters N            synthetic voters to import (default 6500000)
              --seed N              seed of the synthetic roll (default 20270207)
              --districts N         districts (default 125)
              --stations N          polling stations, spread over the districts (default 6537)
              --rows-per-message N  voter rows per ImportVoters message, 1..10000 (default 10000)
              --mark-clients N,...  concurrent marking clients, gRPC, pgbench and JDBC alike; a list
                                    is a sweep (default 8,32,64; the tally benchmark uses the first)
              --rounds N            measured rounds per client count, each gRPC then pgbench then
                                    JDBC; figures are medians with their spread (default 5)
              --mark-seconds N      measured marking time of each side in each round (default 10)
              --pollbook-marks N    C) marks per round queued at the stations' poll books and uploaded
                                    with SyncPollBook, against the unnest floor (default 50000; 0 skips C)
              --warmup-seconds N    unmeasured gRPC marking before the first round (default 30;
                                    a fresh JVM on 2 cores needs ~30 s of load to settle)
              --postgres HOST:PORT  PostgreSQL (default 127.0.0.1:5432)
              --admin-user NAME     superuser that recreates the database (default postgres;
                                    password from PGPASSWORD if set)
              --database NAME       scratch database, dropped and recreated (default electa_bench)
              --service-user NAME   role the registry connects as and owner of the database
                                    (default $ELECTA_DB_USER or electa; must exist: .ci/postgres)
              --registry-jar PATH   packaged registry (default registry-service/target/quarkus-app/quarkus-run.jar)
              --registry-heap SIZE  -Xmx of the registry (default 512m)
              --registry-log PATH   the registry's output (default benchmarks/target/registry-benchmark.log)
              --help                this text

            Quick smoke check: --voters 200000 --mark-clients 8 --rounds 1 --mark-seconds 5 --warmup-seconds 5
            """;

    private static final Set<String> FLAGS = Set.of("help");
    private static final Set<String> NAMES = Set.of("voters", "seed", "districts", "stations", "rows-per-message",
            "mark-clients", "rounds", "mark-seconds", "pollbook-marks", "warmup-seconds", "postgres", "admin-user", "database", "service-user",
            "registry-jar", "registry-heap", "registry-log", "help");
    private static final Pattern SQL_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}");

    /** Parses the arguments; throws IllegalArgumentException with a readable message when they are wrong. */
    static BenchmarkOptions parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (FLAGS.contains(name)) {
                value = "true";
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            values.put(name, value);
        }
        return fromValues(values);
    }

    private static BenchmarkOptions fromValues(Map<String, String> v) {
        String defaultServiceUser = System.getenv().getOrDefault("ELECTA_DB_USER", "electa");
        BenchmarkOptions options = new BenchmarkOptions(
                number(v, "voters", 6_500_000, 1, 100_000_000),
                number(v, "seed", 20_270_207L, Long.MIN_VALUE, Long.MAX_VALUE),
                (int) number(v, "districts", 125, 1, 9_999),
                (int) number(v, "stations", 6_537, 1, 99_999),
                (int) number(v, "rows-per-message", 10_000, 1, 10_000),
                clientCounts(v.getOrDefault("mark-clients", "8,32,64")),
                (int) number(v, "rounds", 5, 1, 100),
                (int) number(v, "mark-seconds", 10, 1, 3_600),
                (int) number(v, "pollbook-marks", 50_000, 0, 10_000_000),
                (int) number(v, "warmup-seconds", 30, 0, 600),
                matching(v, "postgres", "127.0.0.1:5432", HOST_PORT),
                matching(v, "admin-user", "postgres", SQL_NAME),
                matching(v, "database", "electa_bench", SQL_NAME),
                matching(v, "service-user", defaultServiceUser, SQL_NAME),
                Path.of(v.getOrDefault("registry-jar", "registry-service/target/quarkus-app/quarkus-run.jar")),
                matching(v, "registry-heap", "512m", Pattern.compile("[0-9]+[kmgKMG]?")),
                Path.of(v.getOrDefault("registry-log", "benchmarks/target/registry-benchmark.log")),
                Boolean.parseBoolean(v.getOrDefault("help", "false")));
        if (options.stations() < options.districts()) {
            throw new IllegalArgumentException("--stations must be at least --districts (every district gets a station)");
        }
        return options;
    }

    private static List<Integer> clientCounts(String text) {
        List<Integer> counts = new ArrayList<>();
        for (String part : text.split(",")) {
            counts.add((int) number(Map.of("mark-clients", part.strip()), "mark-clients", 8, 1, 90));
        }
        return List.copyOf(counts);
    }

    private static long number(Map<String, String> values, String name, long fallback, long min, long max) {
        String text = values.get(name);
        if (text == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + text + "'");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be between " + min + " and " + max);
        }
        return value;
    }

    private static String matching(Map<String, String> values, String name, String fallback, Pattern pattern) {
        String value = values.getOrDefault(name, fallback);
        if (!pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("--" + name + " has an unusable value: '" + value + "'");
        }
        return value;
    }
}
