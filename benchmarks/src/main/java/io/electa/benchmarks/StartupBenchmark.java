package io.electa.benchmarks;

import io.electa.local.ServiceJvm;
import io.electa.local.ServiceProcess;
import io.electa.local.SigningKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How fast each packaged service starts and how much memory it holds when idle: for each of the
 * three services, one unmeasured start on an empty database (its migrations), then several
 * measured starts on the migrated database, each timed from launching the JVM until
 * {@code /q/health/ready} answers (polled every 25 ms), with Quarkus's own "started in" beside it,
 * and the resident set size after a few seconds of idling. Each service's JVM is started as its
 * container image starts it, with its Deployment's memory ({@link ServiceJvm}, as bin/electa does);
 * the options are printed. Goals: ready within 1.5 s, idle RSS
 * at most 200 MiB. Usage: {@code java -cp benchmarks/target/electa-benchmarks.jar
 * io.electa.benchmarks.StartupBenchmark [rounds] [idle-seconds]} (defaults 5 and 10).
 */
public final class StartupBenchmark {
    private static final double READY_GOAL_SECONDS = 1.5;
    private static final long RSS_GOAL_MIB = 200;
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int idleSeconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Map<String, Map<String, String>> env = new LinkedHashMap<>();
        int nowhere = ServiceProcess.freePort();
        env.put("registry-service", Map.of());
        env.put("tally-service", Map.of("ELECTA_REGISTRY_PORT", Integer.toString(nowhere),
                "ELECTA_LEDGER_SIGNING_KEY", SigningKeys.generate()));
        env.put("observer-service", Map.of("ELECTA_REGISTRY_PORT", Integer.toString(nowhere),
                "ELECTA_TALLY_PORT", Integer.toString(nowhere), "ELECTA_BADGE_SIGNING_KEY", SigningKeys.generate()));
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> service : env.entrySet()) {
            String name = service.getKey();
            String shortName = name.replace("-service", "");
            BenchDatabase database = new BenchDatabase("127.0.0.1:5432", "postgres", "electa_bench_start_" + shortName,
                    System.getenv().getOrDefault("ELECTA_DB_USER", "electa"));
            database.recreate();
            Map<String, String> variables = new LinkedHashMap<>(Channels.trusting(service.getValue()));
            variables.put("ELECTA_DB", database.hostPortDb());
            variables.put("ELECTA_DB_USER", database.owner());
            // Started as in production: the JVM of the service's container image, with its
            // Deployment's memory (ServiceJvm, as bin/electa starts it).
            Path jar = ServiceProcess.jarOf(name);
            ServiceJvm jvm = ServiceJvm.of(jar);
            variables.putAll(jvm.environment());
            String flags = String.join(" ", jvm.options()) + (jvm.environment().isEmpty() ? ""
                    : " (environment " + jvm.environment() + ")");
            Log.info(name + ": JVM options " + flags);
            Path log = Path.of("benchmarks", "target", name + "-startup.log");
            Files.deleteIfExists(log);
            double[] ready = new double[rounds];
            double[] started = new double[rounds];
            double[] idleRss = new double[rounds];
            for (int round = 0; round <= rounds; round++) {
                long logSize = Files.exists(log) ? Files.size(log) : 0;
                long start = System.nanoTime();
                try (ServiceProcess process = ServiceProcess.launch(name, jar, jvm.options(), variables,
                        ServiceProcess.freePort(), log)) {
                    double seconds = (System.nanoTime() - start) / 1e9;
                    Thread.sleep(idleSeconds * 1000L);
                    OptionalLong rss = process.rssKib();
                    if (round == 0) {
                        Log.info(String.format(Locale.ROOT, "%s: first start (migrations) ready after %.2f s",
                                name, seconds));
                        continue;
                    }
                    ready[round - 1] = seconds;
                    idleRss[round - 1] = rss.isPresent() ? rss.getAsLong() / 1024.0 : Double.NaN;
                    started[round - 1] = quarkusStarted(log, logSize);
                    Log.info(String.format(Locale.ROOT, "%s: round %d ready after %.2f s (Quarkus: %.3f s), idle RSS"
                            + " %.0f MiB", name, round, seconds, started[round - 1], idleRss[round - 1]));
                }
            }
            Spread readySpread = Spread.of(ready);
            Spread rssSpread = Spread.of(idleRss);
            lines.add(String.format(Locale.ROOT, "%-17s ready %s s (Quarkus started in %s s), goal <= %.1f s: %s;"
                            + " idle RSS %s MiB, goal <= %d MiB: %s%n%-17s JVM: %s", name, readySpread.format(2),
                    Spread.of(started).format(3), READY_GOAL_SECONDS,
                    readySpread.median() <= READY_GOAL_SECONDS ? "MET" : "MISSED", rssSpread.format(0), RSS_GOAL_MIB,
                    rssSpread.median() <= RSS_GOAL_MIB ? "MET" : "MISSED", "", flags));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "== Startup benchmark: %d starts per service on a migrated database, the JVM"
                + " options of its container image, RSS after %d s idle; median (lowest-highest) ==%n", rounds,
                idleSeconds);
        lines.forEach(System.out::println);
    }

    /** Quarkus's own startup time, from the lines the last start appended to the log. */
    private static double quarkusStarted(Path log, long from) throws IOException {
        String text = Files.readString(log);
        Matcher started = STARTED.matcher(text.substring((int) Math.min(from, text.length())));
        return started.find() ? Double.parseDouble(started.group(1)) : Double.NaN;
    }
}
