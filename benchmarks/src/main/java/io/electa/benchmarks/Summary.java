package io.electa.benchmarks;

import io.electa.registry.v1.ImportReport;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * The final summary block: the figures of both parts, the ratios against their goals, and the
 * verification checks. Checks decide the exit code; goals are reported, not enforced (they
 * depend on the machine).
 */
final class Summary {
    /** The performance issue's goal: a first load at most 0.6 x a COPY into today's table definition. */
    static final double IMPORT_GOAL = 0.6;
    static final double MARKING_GOAL = 0.6;
    static final double FREEZE_GOAL = 2.0;
    static final double POLL_BOOK_GOAL = 0.8;

    /** One verification: what was checked, whether it held, and the figures behind it. */
    record Check(String name, boolean ok, String detail) {
    }

    private final BenchmarkOptions options;
    private final ImportBenchmark.Figures imports;
    private final MarkingBenchmark.Figures marking;
    private final PollBookBenchmark.Figures pollBooks;
    private final MarkAudit audit;
    private final long turnoutVoted;
    private final OptionalLong rssAfterImportKib;
    private final OptionalLong rssAtEndKib;

    Summary(BenchmarkOptions options, ImportBenchmark.Figures imports, MarkingBenchmark.Figures marking,
            PollBookBenchmark.Figures pollBooks, MarkAudit audit, long turnoutVoted, OptionalLong rssAfterImportKib,
            OptionalLong rssAtEndKib) {
        this.options = options;
        this.imports = imports;
        this.marking = marking;
        this.pollBooks = pollBooks;
        this.audit = audit;
        this.turnoutVoted = turnoutVoted;
        this.rssAfterImportKib = rssAfterImportKib;
        this.rssAtEndKib = rssAtEndKib;
    }

    List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        long voters = imports.voters();
        ImportReport report = imports.report();
        checks.add(new Check("import report: every row accepted",
                report.getReceived() == voters && report.getAccepted() == voters && report.getRejected() == 0,
                format("received %,d, accepted %,d, updated %,d, unchanged %,d, rejected %,d", report.getReceived(),
                        report.getAccepted(), report.getUpdated(), report.getUnchanged(), report.getRejected())));
        checks.add(new Check("row counts equal", imports.imported().rows() == voters
                        && imports.copied().rows() == voters && imports.copiedRows() == voters,
                format("voter %,d, voter_copy %,d (COPY reported %,d), generated %,d", imports.imported().rows(),
                        imports.copied().rows(), imports.copiedRows(), voters)));
        checks.add(new Check("every COPY from the file loaded every row", imports.limits().limits().stream()
                        .allMatch(limit -> limit.rows() == voters),
                format("%s", imports.limits().limits().stream().map(limit -> limit.table() + " " + limit.rows())
                        .toList())));
        checks.add(new Check("checksums equal", imports.imported().checksum().equals(imports.copied().checksum()),
                format("voter %s, voter_copy %s", imports.imported().checksum(), imports.copied().checksum())));
        checks.add(new Check("frozen roll counts every voter", marking.registered() == voters,
                format("total_registered %,d", marking.registered())));
        checks.add(loadCheck("warm-up marking clean", marking.warmupRun()));
        for (MarkingBenchmark.Sweep sweep : marking.sweeps()) {
            for (LoadResult load : sweep.loads()) {
                Check check = loadCheck(format("marking and JDBC floor clean (%d clients)", sweep.clients()), load);
                if (!check.ok()) {
                    checks.add(check);
                }
            }
        }
        checks.add(new Check("pgbench floor ran", marking.pgbenchFailures().isEmpty(),
                marking.pgbenchFailures().isEmpty() ? "every round" : marking.pgbenchFailures().get(0)));
        if (pollBooks != null) {
            checks.add(new Check("every poll book mark recorded", pollBooks.failures() == 0
                    && pollBooks.notRecorded() == 0 && pollBooks.recorded() == (long) pollBooks.marksPerRound()
                    * pollBooks.rounds().size(), format("RECORDED %,d, other verdicts %,d, failed uploads or"
                    + " floor inserts %,d", pollBooks.recorded(), pollBooks.notRecorded(), pollBooks.failures())));
        }
        long answered = marking.answeredMarks() + (pollBooks == null ? 0 : pollBooks.recorded());
        checks.add(new Check("no double marks", audit.doubleMarks() == 0,
                format("count(*) - count(DISTINCT national_id) = %,d", audit.doubleMarks())));
        checks.add(new Check("turnout equals marks", turnoutVoted == audit.marks(),
                format("GetTurnout(nation).voted %,d, vote_mark rows %,d", turnoutVoted, audit.marks())));
        checks.add(new Check("every answered mark stored", answered == audit.marks(),
                format("MarkVoted answered OK and poll book marks RECORDED %,d, vote_mark rows %,d", answered,
                        audit.marks())));
        return checks;
    }

    boolean allPassed() {
        return checks().stream().allMatch(Check::ok);
    }

    void print(PrintStream out) {
        List<Check> checks = checks();
        out.println();
        out.println("==================== Electa registry benchmark ====================");
        out.println(format("Scenario: %,d voters (seed %d), %,d stations in %,d districts, election day %s",
                imports.voters(), options.seed(), options.stations(), options.districts(),
                RegistryBenchmark.ELECTION_DAY));
        out.println();
        out.println(format("A) Import (%,d rows per message)", imports.rowsPerMessage()));
        out.println(format("  gRPC ImportVoters     %9.1f s   %,12.0f rows/s", imports.importNanos() / 1e9,
                imports.importRowsPerSecond()));
        out.println(format("  COPY into voter_copy  %9.1f s   %,12.0f rows/s", imports.copyNanos() / 1e9,
                imports.copyRowsPerSecond()));
        out.println(format("  import / COPY time    %9.2f", imports.ratio()));
        ImportLimits.Figures limits = imports.limits();
        out.println(format("  COPY from a file (%,d MB, written before the clock) into:", limits.fileBytes() / 1_000_000));
        for (ImportLimits.Limit limit : limits.limits()) {
            out.println(format("    %-62s %7.1f s  (%.2f x the first)", limit.what(), limit.nanos() / 1e9,
                    (double) limit.nanos() / limits.floor().nanos()));
        }
        out.println(format("  import / COPY from a file into today's table %5.2f     goal <= %.1f: %s",
                imports.fileRatio(), IMPORT_GOAL, imports.fileRatio() <= IMPORT_GOAL ? "MET" : "MISSED"));
        out.println("  PostgreSQL settings: " + limits.settings());
        out.println("  registry peak RSS     " + mebibytes(rssAfterImportKib) + " (VmHWM after the import)");
        out.println();
        out.println(format("B) Marking (%d rounds of %d s per side and client count, after %d s of warm-up;"
                + " median (lowest-highest))", options.rounds(), marking.window().toSeconds(),
                marking.warmup().toSeconds()));
        out.println(format("  roll freeze           %9.1f s", marking.freezeNanos() / 1e9));
        out.println(format("  PostgreSQL reads the roll in digest order: %s s", marking.rollReadSeconds().format(2)));
        out.println(format("  freeze / read         %9.2f     goal <= %.1f: %s", marking.freezeToRollRead(), FREEZE_GOAL,
                marking.freezeToRollRead() <= FREEZE_GOAL ? "MET" : "MISSED"));
        for (MarkingBenchmark.Sweep sweep : marking.sweeps()) {
            out.println(format("  %d clients", sweep.clients()));
            out.println(format("    gRPC MarkVoted       %s marks/s", sweep.grpc().format(0)));
            out.println(format("    pgbench INSERT floor %s inserts/s", sweep.pgbench().format(0)));
            out.println(format("    JDBC INSERT floor    %s inserts/s", sweep.jdbc().format(0)));
            out.println(format("    gRPC / pgbench       %s   goal >= %.1f: %s", sweep.ratioToPgbench().format(3),
                    MARKING_GOAL, sweep.ratioToPgbench().median() >= MARKING_GOAL ? "MET" : "MISSED"));
            out.println(format("    gRPC / JDBC          %s", sweep.ratioToJdbc().format(3)));
            out.println(format("    MarkVoted latency ms p50 %s, p99 %s, p99.9 %s", sweep.latency(50).format(1),
                    sweep.latency(99).format(1), sweep.latency(99.9).format(1)));
            out.println(format("    CPU us per mark: registry %s, clients %s, PostgreSQL %s",
                    sweep.grpcCpu(CpuMeter.CpuUse::registryNanos).format(0),
                    sweep.grpcCpu(CpuMeter.CpuUse::clientNanos).format(0),
                    sweep.grpcCpu(CpuMeter.CpuUse::postgresNanos).format(0)));
            out.println(format("    CPU us per pgbench insert: PostgreSQL %s", sweep.pgbenchPostgresCpu().format(0)));
        }
        out.println();
        if (pollBooks != null) {
            out.println(format("C) Poll books (%d rounds of %,d marks, %d clients; median (lowest-highest))",
                    pollBooks.rounds().size(), pollBooks.marksPerRound(), pollBooks.clients()));
            out.println(format("  SyncPollBook          %s marks/s", pollBooks.uploads().format(0)));
            out.println(format("  unnest INSERT floor   %s marks/s", pollBooks.floor().format(0)));
            out.println(format("  SyncPollBook / floor  %s   goal >= %.1f: %s", pollBooks.ratio().format(3),
                    POLL_BOOK_GOAL, pollBooks.ratio().median() >= POLL_BOOK_GOAL ? "MET" : "MISSED"));
            out.println(format("  CPU us per mark: registry %s, clients %s, PostgreSQL %s; floor: PostgreSQL %s",
                    pollBooks.cpu(PollBookBenchmark.Round::uploads, CpuMeter.CpuUse::registryNanos).format(0),
                    pollBooks.cpu(PollBookBenchmark.Round::uploads, CpuMeter.CpuUse::clientNanos).format(0),
                    pollBooks.cpu(PollBookBenchmark.Round::uploads, CpuMeter.CpuUse::postgresNanos).format(0),
                    pollBooks.cpu(PollBookBenchmark.Round::floor, CpuMeter.CpuUse::postgresNanos).format(0)));
            out.println();
        }
        out.println("Registry peak RSS (VmHWM at the end, -Xmx" + options.registryHeap() + "): "
                + mebibytes(rssAtEndKib));
        out.println();
        out.println("Verification");
        for (Check check : checks) {
            out.println(format("  [%s] %-34s %s", check.ok() ? "OK  " : "FAIL", check.name(), check.detail()));
        }
        out.println();
        out.println(allPassed() ? "RESULT: all checks passed" : "RESULT: CHECKS FAILED");
        out.println("===================================================================");
    }

    private static Check loadCheck(String name, LoadResult result) {
        String detail = format("%,d errors%s%s", result.errors(),
                result.exhausted() ? "; a client ran out of voters (use more --voters)" : "",
                result.firstError() == null ? "" : "; first: " + result.firstError());
        return new Check(name, result.errors() == 0 && !result.exhausted(), detail);
    }

    private static String mebibytes(OptionalLong kib) {
        return kib.isPresent() ? format("%,d MiB", kib.getAsLong() / 1024) : "n/a (no /proc)";
    }

    private static String format(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }
}
