package io.electa.benchmarks;

import io.electa.registry.v1.ImportReport;
import io.electa.scenario.VoterGenerator;
import io.grpc.ManagedChannel;
import java.nio.file.Path;
import java.sql.Connection;

/**
 * Part A: the same synthetic roll loaded twice into the same database, once through the
 * registry's {@code ImportVoters} stream into {@code voter}, once with COPY into
 * {@code voter_copy}; both timed, then compared row for row by fingerprint. Then the floor of
 * the import goal and the physical limits ({@link ImportLimits}): COPY from a file into today's
 * table definition and into tables with compact keys and late indexes.
 */
final class ImportBenchmark {

    /** The outcome of part A. */
    record Figures(long voters, int rowsPerMessage, ImportReport report, long importNanos, long copiedRows,
            long copyNanos, RollFingerprint imported, RollFingerprint copied, ImportLimits.Figures limits) {

        double importRowsPerSecond() {
            return voters / (importNanos / 1e9);
        }

        double copyRowsPerSecond() {
            return voters / (copyNanos / 1e9);
        }

        /** import time / in-process COPY time. */
        double ratio() {
            return (double) importNanos / copyNanos;
        }

        /** import time / time of the COPY from a file into today's table definition; the goal is at most 0.6. */
        double fileRatio() {
            return (double) importNanos / limits.floor().nanos();
        }
    }

    private final BenchDatabase database;
    private final ManagedChannel channel;
    private final String electionId;
    private final VoterGenerator voters;
    private final int rowsPerMessage;

    ImportBenchmark(BenchDatabase database, ManagedChannel channel, String electionId, VoterGenerator voters,
            int rowsPerMessage) {
        this.database = database;
        this.channel = channel;
        this.electionId = electionId;
        this.voters = voters;
        this.rowsPerMessage = rowsPerMessage;
    }

    Figures run() throws Exception {
        database.checkpoint();
        Log.info(String.format("A) importing %,d voters through gRPC ImportVoters", voters.count()));
        long start = System.nanoTime();
        ImportReport report = VoterImportStream.run(channel, electionId, voters, rowsPerMessage);
        long importNanos = System.nanoTime() - start;
        Log.info(String.format("   done in %.1f s", importNanos / 1e9));
        try (Connection connection = database.connect()) {
            CopyLoad.createTable(connection);
            database.checkpoint();
            Log.info(String.format("A) loading the same %,d voters with COPY into %s", voters.count(),
                    CopyLoad.TABLE));
            start = System.nanoTime();
            long copiedRows = CopyLoad.load(connection, electionId, voters);
            long copyNanos = System.nanoTime() - start;
            Log.info(String.format("   done in %.1f s; comparing the tables", copyNanos / 1e9));
            RollFingerprint imported = RollFingerprint.of(connection, "voter", electionId);
            RollFingerprint copied = RollFingerprint.of(connection, CopyLoad.TABLE, electionId);
            ImportLimits.Figures limits = new ImportLimits(database).run(electionId, voters,
                    Path.of(System.getProperty("java.io.tmpdir"), "electa-benchmark-voters.tsv"));
            return new Figures(voters.count(), rowsPerMessage, report, importNanos, copiedRows, copyNanos,
                    imported, copied, limits);
        }
    }
}
