package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.ExitCodes;
import io.electa.cli.Failures.UsageFailure;
import io.electa.cli.Failures;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.cli.csv.CsvFile;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.VoteMark;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Marking voters as having received a ballot: one, or a station's poll book from a file. */
@Command(name = "mark", description = "Mark a voter as having received a ballot at a station (once per voter); or, "
        + "with --file, every voter of a poll book file (national_id,station_code): exit code 10 if any was refused.")
public final class Mark extends ElectaCommand {
    /** The columns of a poll book file. */
    public static final List<String> COLUMNS = List.of("national_id", "station_code");

    @Mixin
    ElectionOption election;
    @Parameters(index = "0", arity = "0..1", paramLabel = "NATIONAL_ID")
    String nationalId;
    @Option(names = "--station", paramLabel = "CODE")
    String station;
    @Option(names = "--file", paramLabel = "FILE.csv", description = "A poll book: one voter per row.")
    Path file;
    @Option(names = "--request-id", paramLabel = "ID", description = "Idempotency key of a single mark (default: a "
            + "new one); the same key again returns the same mark.")
    String requestId = Services.requestId();
    @Mixin
    Output output;

    @Override
    public Integer call() {
        if (file != null) {
            if (nationalId != null || station != null) {
                throw new UsageFailure("give either NATIONAL_ID --station CODE, or --file FILE.csv");
            }
            return pollBook();
        }
        if (nationalId == null || station == null) {
            throw new UsageFailure("give NATIONAL_ID and --station CODE, or --file FILE.csv");
        }
        VoteMark m = mark(nationalId, station, requestId);
        output.print(m, Output.Listing.of("voter", "station", "time", "absentee")
                .row(m, m.getNationalId(), m.getStationCode(), Views.time(m.getMarkTime()),
                        m.getAbsentee() ? "yes" : "no")
                .build());
        return ExitCodes.OK;
    }

    private int pollBook() {
        AtomicInteger marked = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        new CsvFile(file, COLUMNS).forEach(row -> {
            try {
                mark(row.get("national_id"), row.get("station_code"), Services.requestId());
                marked.incrementAndGet();
            } catch (StatusRuntimeException e) {
                refused.incrementAndGet();
                err().print("row " + row.getRecordNumber() + " (" + row.get("national_id") + "): ");
                Failures.describe(e, err());
            }
        });
        out().println("marked " + marked + ", refused " + refused);
        out().flush();
        err().flush();
        return refused.get() == 0 ? ExitCodes.OK : ExitCodes.ROWS_REJECTED;
    }

    private VoteMark mark(String voter, String at, String key) {
        return Services.retrying(() -> services().registry().markVoted(MarkVotedRequest.newBuilder()
                .setElectionId(election.id).setNationalId(voter).setStationCode(at).setRequestId(key).build()))
                .getMark();
    }
}
