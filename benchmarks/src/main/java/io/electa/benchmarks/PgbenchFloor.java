package io.electa.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own marking floor, measured by PostgreSQL's pgbench: the same single-row insert
 * as a mark ({@code INSERT ... ON CONFLICT DO NOTHING}, committed on its own) into
 * {@link FloorMarking#TABLE}, a twin of {@code vote_mark}, from the same number of clients, with
 * prepared statements. Each row is a fresh 10-digit national id at one of the stations, so the
 * table grows as the marks do. Needs {@code pgbench} on the PATH (Debian: postgresql-client).
 */
final class PgbenchFloor {
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");
    private static final String SCRIPT = """
            \\set n random(1000000000, 9999999999)
            \\set s random(1, %d)
            INSERT INTO %s (election_id, national_id, station_code, marked_at, request_id, absentee, marked_by) \
            VALUES ('%s', :n, 'S' || lpad(:s::text, 5, '0'), clock_timestamp(), 'pgbench-' || :client_id || '-' || :n, \
            false, 'clerk') ON CONFLICT DO NOTHING;
            """;

    /** What one pgbench run measured. */
    record Result(double perSecond, double latencyMillis, long transactions, CpuMeter.CpuUse cpu, String failure) {
        boolean ok() {
            return failure == null;
        }
    }

    private final BenchDatabase database;
    private final Path script;

    PgbenchFloor(BenchDatabase database, String electionId, int stations) throws IOException {
        this.database = database;
        this.script = Files.createTempFile("electa-floor", ".sql");
        script.toFile().deleteOnExit();
        Files.writeString(script, SCRIPT.formatted(stations, FloorMarking.TABLE, electionId), StandardCharsets.UTF_8);
    }

    /** Runs pgbench with {@code clients} connections for {@code window}. */
    Result run(int clients, Duration window, CpuMeter cpu) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c",
                Integer.toString(clients), "-j", Integer.toString(Math.min(clients, 2)), "-T",
                Long.toString(window.toSeconds()), "-f", script.toString()));
        command.addAll(database.connectionArguments());
        CpuMeter.Window measured = cpu.open();
        Process pgbench = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(pgbench.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean ended = pgbench.waitFor(window.toSeconds() + 60, TimeUnit.SECONDS);
        CpuMeter.CpuUse used = measured.close();
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        Matcher transactions = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(output);
        if (!ended || pgbench.exitValue() != 0 || !tps.find() || !latency.find() || !transactions.find()) {
            return new Result(Double.NaN, Double.NaN, 0, used, "pgbench failed: " + output.strip());
        }
        return new Result(Double.parseDouble(tps.group(1)), Double.parseDouble(latency.group(1)),
                Long.parseLong(transactions.group(1)), used, null);
    }
}
