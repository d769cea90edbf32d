package io.electa.cli.command;

import com.google.protobuf.util.Timestamps;
import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.ExitCodes;
import io.electa.cli.Failures.UsageFailure;
import io.electa.cli.Output;
import io.electa.cli.PollBookUpload;
import io.electa.cli.Services;
import io.electa.cli.csv.CsvFile;
import io.electa.registry.v1.ListMarkConflictsRequest;
import io.electa.registry.v1.ListMarkConflictsResponse;
import io.electa.registry.v1.MarkConflict;
import io.electa.registry.v1.MarkOutcome;
import io.electa.registry.v1.MarkVerdict;
import io.electa.registry.v1.QueuedMark;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Poll books: a station's queued marks uploaded, and the double votes they revealed. */
@Command(name = "pollbook", description = "Upload poll books (the marks stations made offline) and list the "
        + "suspected double votes they revealed.", subcommands = {PollBook.Sync.class, PollBook.Conflicts.class})
public final class PollBook {
    /** The columns of a poll book file; device_time and request_id are optional. */
    public static final List<String> COLUMNS = List.of("national_id", "station_code");

    @Command(name = "sync", description = "Upload the marks of a poll book file (national_id, station_code; "
            + "optionally device_time as an ISO-8601 instant, else the file's modification time, and request_id, else one "
            + "derived from election, station, voter and device), station by station. Every mark is "
            + "RECORDED, ALREADY_RECORDED (uploaded before: safe to upload again), CONFLICT (the voter was marked "
            + "before: kept for review) or REJECTED; exit code 10 when any was a conflict or rejected.")
    static final class Sync extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "FILE.csv")
        Path file;
        @Option(names = "--device", defaultValue = "electa-cli", paramLabel = "ID", description = "The device the "
                + "marks were made on, when the file does not say (default: ${DEFAULT-VALUE}).")
        String device;

        @Override
        public Integer call() {
            Map<String, List<QueuedMark>> byStation = new LinkedHashMap<>();
            Map<String, Long> rowOf = new java.util.HashMap<>();
            Instant written = written(file);
            new CsvFile(file, COLUMNS).forEach(row -> {
                QueuedMark mark = mark(row, written);
                byStation.computeIfAbsent(row.get("station_code"), s -> new ArrayList<>()).add(mark);
                rowOf.put(mark.getRequestId(), row.getRecordNumber());
            });
            Map<MarkOutcome, Integer> counts = new EnumMap<>(MarkOutcome.class);
            byStation.forEach((station, marks) -> {
                List<MarkVerdict> verdicts = upload(station, marks);
                for (int i = 0; i < verdicts.size(); i++) {
                    MarkVerdict v = verdicts.get(i);
                    counts.merge(v.getOutcome(), 1, Integer::sum);
                    if (v.getOutcome() == MarkOutcome.MARK_OUTCOME_CONFLICT
                            || v.getOutcome() == MarkOutcome.MARK_OUTCOME_REJECTED) {
                        err().println("row " + rowOf.get(marks.get(i).getRequestId()) + " (" + station + "): "
                                + Views.name(v.getOutcome(), "MARK_OUTCOME_") + (v.getOutcome()
                                        == MarkOutcome.MARK_OUTCOME_REJECTED ? " " + Views.name(v.getRejectionReason(),
                                        "MARK_REJECTION_REASON_") : "") + ": " + v.getMessage());
                    }
                }
            });
            out().println("recorded " + counts.getOrDefault(MarkOutcome.MARK_OUTCOME_RECORDED, 0)
                    + ", already recorded " + counts.getOrDefault(MarkOutcome.MARK_OUTCOME_ALREADY_RECORDED, 0)
                    + ", conflicts " + counts.getOrDefault(MarkOutcome.MARK_OUTCOME_CONFLICT, 0)
                    + ", rejected " + counts.getOrDefault(MarkOutcome.MARK_OUTCOME_REJECTED, 0));
            out().flush();
            err().flush();
            boolean clean = counts.getOrDefault(MarkOutcome.MARK_OUTCOME_CONFLICT, 0) == 0
                    && counts.getOrDefault(MarkOutcome.MARK_OUTCOME_REJECTED, 0) == 0;
            return clean ? ExitCodes.OK : ExitCodes.ROWS_REJECTED;
        }

        /**
         * A mark of the file. Without a device_time it is the file's modification time, so that the
         * same file uploaded again is the same marks (a mark's content is part of its request_id).
         */
        private QueuedMark mark(CSVRecord row, Instant written) {
            String nationalId = row.get("national_id");
            String station = row.get("station_code");
            Instant when = written;
            if (row.isMapped("device_time") && !row.get("device_time").isBlank()) {
                try {
                    when = Instant.parse(row.get("device_time"));
                } catch (DateTimeParseException e) {
                    throw new UsageFailure(file + ": row " + row.getRecordNumber() + ": device_time is not an "
                            + "ISO-8601 instant, e.g. 2027-03-14T09:30:00Z");
                }
            }
            String requestId = row.isMapped("request_id") && !row.get("request_id").isBlank() ? row.get("request_id")
                    : PollBookUpload.requestId(election.id, station, nationalId, device);
            return QueuedMark.newBuilder().setNationalId(nationalId).setDeviceId(device)
                    .setDeviceTime(Timestamps.fromMillis(when.toEpochMilli())).setRequestId(requestId).build();
        }

        private static Instant written(Path file) {
            try {
                return java.nio.file.Files.getLastModifiedTime(file).toInstant();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** One station's upload, retried as a whole through an outage (the marks keep their request_ids). */
        private List<MarkVerdict> upload(String station, List<QueuedMark> marks) {
            return Services.retrying(() -> {
                try {
                    return PollBookUpload.upload(services().pollBooks(), election.id, station, marks).join();
                } catch (CompletionException e) {
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
                }
            });
        }
    }

    @Command(name = "conflicts", description = "The suspected double votes: marks uploaded for voters who had been "
            + "marked before, by station.")
    static final class Conflicts extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--district", paramLabel = "CODE")
        String district = "";
        @Option(names = "--station", paramLabel = "CODE")
        String station = "";
        @Mixin
        Output output;

        @Override
        protected void run() {
            ListMarkConflictsRequest.Builder request = ListMarkConflictsRequest.newBuilder().setElectionId(election.id)
                    .setDistrictCode(district).setStationCode(station).setPageSize(1000);
            Output.Listing.Builder listing = Output.Listing.of("station", "district", "voter", "device",
                    "device time", "counted at", "request");
            do {
                ListMarkConflictsResponse page = services().pollBookReads().listMarkConflicts(request.build());
                for (MarkConflict c : page.getConflictsList()) {
                    listing.row(c, c.getStationCode(), c.getDistrictCode(), c.getNationalId(), c.getDeviceId(),
                            Views.time(c.getDeviceTime()), c.getCountedStationCode(), c.getRequestId());
                }
                request.setPageToken(page.getNextPageToken());
            } while (!request.getPageToken().isEmpty());
            output.print(listing.build());
        }
    }
}
