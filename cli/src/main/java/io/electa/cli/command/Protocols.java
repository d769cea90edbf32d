package io.electa.cli.command;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.ExitCodes;
import io.electa.cli.Failures.UsageFailure;
import io.electa.cli.Failures;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.cli.csv.CsvFile;
import io.electa.tally.v1.AcceptProtocolRequest;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.CorrectProtocolRequest;
import io.electa.tally.v1.GetProtocolRequest;
import io.electa.tally.v1.ListMissingStationsRequest;
import io.electa.tally.v1.ListMissingStationsResponse;
import io.electa.tally.v1.MissingStation;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.RejectProtocolRequest;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Station result protocols. */
@Command(name = "protocols", description = "Submit, review, correct and show station result protocols.",
        subcommands = {Protocols.Submit.class, Protocols.Review.class, Protocols.Correct.class, Protocols.Missing.class,
                Protocols.Show.class})
public final class Protocols {
    /** The figure columns of a protocols file, after station_code; then one column per candidate code. */
    public static final List<String> FIGURES = List.of("voters_registered", "ballots_received", "ballots_issued_early",
            "ballots_issued_on_day", "ballots_issued_mobile", "ballots_cancelled", "ballots_found_stationary",
            "ballots_found_mobile", "ballots_invalid", "ballots_valid");

    @Command(name = "submit", description = "Submit the protocols of a file: CSV (station_code, the ten figures, "
            + "then one column per candidate code) or JSON (an array of {\"station_code\", \"figures\"} in protobuf's "
            + "JSON mapping). Each protocol is stored ACCEPTED or QUARANTINED, or refused with the broken control "
            + "relations named; exit code 10 when any was refused.")
    static final class Submit extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "FILE.csv|FILE.json")
        Path file;

        @Override
        public Integer call() {
            Map<String, ProtocolFigures> protocols = read(file);
            int accepted = 0;
            int quarantined = 0;
            int refused = 0;
            for (Map.Entry<String, ProtocolFigures> entry : protocols.entrySet()) {
                try {
                    Protocol stored = submit(services(), election.id, entry.getKey(), entry.getValue());
                    if (stored.getStatus() == io.electa.tally.v1.ProtocolStatus.PROTOCOL_STATUS_ACCEPTED) {
                        accepted++;
                    } else {
                        quarantined++;
                        out().println(entry.getKey() + ": QUARANTINED " + stored.getProtocolId() + " ("
                                + stored.getFindingsList().stream().map(f -> f.getMessage()).toList() + ")");
                    }
                } catch (StatusRuntimeException e) {
                    refused++;
                    PrintWriter err = err();
                    err.print(entry.getKey() + ": ");
                    Failures.describe(e, err);
                }
            }
            out().println("protocols: " + accepted + " accepted, " + quarantined + " quarantined, " + refused
                    + " refused");
            out().flush();
            err().flush();
            return refused > 0 ? ExitCodes.ROWS_REJECTED : ExitCodes.OK;
        }
    }

    /** Submits one station's protocol; the stored version. */
    public static Protocol submit(Services services, String election, String station, ProtocolFigures figures) {
        String requestId = Services.requestId();
        return Services.retrying(() -> services.tally().submitProtocol(SubmitProtocolRequest.newBuilder()
                .setElectionId(election).setStationCode(station).setFigures(figures).setRequestId(requestId).build()))
                .getProtocol();
    }

    @Command(name = "review", description = "Accept (with a justification) or reject (with a reason) a version.")
    static final class Review extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "accept|reject")
        String decision;
        @Parameters(index = "1", paramLabel = "PROTOCOL_ID")
        String protocolId;
        @Option(names = "--text", required = true, description = "The justification or the reason.")
        String text;
        @Mixin
        Output output;

        @Override
        protected void run() {
            String requestId = Services.requestId();
            Protocol p = switch (decision) {
                case "accept" -> Services.retrying(() -> services().tally().acceptProtocol(AcceptProtocolRequest
                        .newBuilder().setElectionId(election.id).setProtocolId(protocolId).setJustification(text)
                        .setRequestId(requestId).build())).getProtocol();
                case "reject" -> Services.retrying(() -> services().tally().rejectProtocol(RejectProtocolRequest
                        .newBuilder().setElectionId(election.id).setProtocolId(protocolId).setReason(text)
                        .setRequestId(requestId).build())).getProtocol();
                default -> throw new UsageFailure("the decision is accept or reject, not " + decision);
            };
            output.print(versions(List.of(p)));
        }
    }

    @Command(name = "correct", description = "Submit a corrected version of a station's current protocol; the file "
            + "holds the station's complete figures (one row or object, as for submit).")
    static final class Correct extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "PROTOCOL_ID", description = "The version it supersedes.")
        String supersedes;
        @Parameters(index = "1", paramLabel = "FILE.csv|FILE.json")
        Path file;
        @Option(names = "--reason", required = true)
        String reason;
        @Mixin
        Output output;

        @Override
        protected void run() {
            Map<String, ProtocolFigures> figures = read(file);
            if (figures.size() != 1) {
                throw new UsageFailure(file + ": a correction holds one station's figures, not " + figures.size());
            }
            String requestId = Services.requestId();
            Protocol p = Services.retrying(() -> services().tally().correctProtocol(CorrectProtocolRequest.newBuilder()
                    .setElectionId(election.id).setSupersedesProtocolId(supersedes)
                    .setFigures(figures.values().iterator().next()).setReason(reason).setRequestId(requestId).build()))
                    .getProtocol();
            output.print(versions(List.of(p)));
        }
    }

    @Command(name = "missing", description = "The stations that have not reported, and why.")
    static final class Missing extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--district", paramLabel = "CODE")
        String district = "";
        @Mixin
        Output output;

        @Override
        protected void run() {
            Output.Listing.Builder listing = Output.Listing.of("station", "district", "reason", "protocol");
            String token = "";
            do {
                ListMissingStationsResponse page = services().tally().listMissingStations(ListMissingStationsRequest
                        .newBuilder().setElectionId(election.id).setDistrictCode(district).setPageSize(1000)
                        .setPageToken(token).build());
                for (MissingStation m : page.getStationsList()) {
                    listing.row(m, m.getStationCode(), m.getDistrictCode(), Views.name(m.getReason(), "MISSING_REASON_"),
                            m.getProtocolId());
                }
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            output.print(listing.build());
        }
    }

    @Command(name = "show", description = "A station's protocol with every version (by station or by any version's id).")
    static final class Show extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--station", paramLabel = "CODE")
        String station;
        @Option(names = "--id", paramLabel = "PROTOCOL_ID")
        String id;
        @Mixin
        Output output;

        @Override
        protected void run() {
            GetProtocolRequest.Builder request = GetProtocolRequest.newBuilder().setElectionId(election.id);
            if (station != null) {
                request.setStationCode(station);
            } else if (id != null) {
                request.setProtocolId(id);
            } else {
                throw new UsageFailure("name the station (--station) or a version (--id)");
            }
            output.print(versions(services().tally().getProtocol(request.build()).getVersionsList()));
        }
    }

    static Output.Listing versions(List<Protocol> versions) {
        Output.Listing.Builder listing = Output.Listing.of("station", "version", "status", "protocol", "issued",
                "valid", "reason");
        for (Protocol p : versions) {
            ProtocolFigures f = p.getFigures();
            listing.row(p, p.getStationCode(), p.getVersion(), Views.name(p.getStatus(), "PROTOCOL_STATUS_"),
                    p.getProtocolId(), f.getBallotsIssuedEarly() + f.getBallotsIssuedOnDay() + f.getBallotsIssuedMobile(),
                    f.getBallotsValid(), p.getCorrectionReason());
        }
        return listing.build();
    }

    /** The protocols of a CSV or JSON file, by station, in file order. */
    static Map<String, ProtocolFigures> read(Path file) {
        return file.toString().endsWith(".json") ? readJson(file) : readCsv(file);
    }

    private static Map<String, ProtocolFigures> readCsv(Path file) {
        Map<String, ProtocolFigures> protocols = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(List.of("station_code"));
        columns.addAll(FIGURES);
        new CsvFile(file, columns).forEach(row -> protocols.put(row.get("station_code"), figures(row)));
        return protocols;
    }

    private static ProtocolFigures figures(CSVRecord row) {
        ProtocolFigures.Builder figures = ProtocolFigures.newBuilder();
        var descriptor = ProtocolFigures.getDescriptor();
        for (String name : FIGURES) {
            figures.setField(descriptor.findFieldByName(name), figure(row, name));
        }
        for (String column : row.getParser().getHeaderNames()) {
            if (!column.equals("station_code") && !FIGURES.contains(column)) {
                figures.addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode(column)
                        .setVotes(figure(row, column)));
            }
        }
        return figures.build();
    }

    private static long figure(CSVRecord row, String column) {
        try {
            return Long.parseLong(row.get(column).strip());
        } catch (NumberFormatException e) {
            throw new UsageFailure("row " + row.getRecordNumber() + ": " + column + " is not a whole number");
        }
    }

    private static Map<String, ProtocolFigures> readJson(Path file) {
        try {
            String text = Files.readString(file);
            com.google.protobuf.ListValue list = com.google.protobuf.ListValue.newBuilder().build();
            com.google.protobuf.Value.Builder root = com.google.protobuf.Value.newBuilder();
            JsonFormat.parser().merge(text, root);
            if (!root.hasListValue()) {
                throw new UsageFailure(file + ": expected a JSON array of protocols");
            }
            list = root.getListValue();
            Map<String, ProtocolFigures> protocols = new LinkedHashMap<>();
            for (com.google.protobuf.Value item : list.getValuesList()) {
                var fields = item.getStructValue().getFieldsMap();
                ProtocolFigures.Builder figures = ProtocolFigures.newBuilder();
                JsonFormat.parser().merge(JsonFormat.printer().print(fields.get("figures")), figures);
                protocols.put(fields.get("station_code").getStringValue(), figures.build());
            }
            return protocols;
        } catch (InvalidProtocolBufferException e) {
            throw new UsageFailure(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
