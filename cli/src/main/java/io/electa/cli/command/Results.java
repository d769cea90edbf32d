package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Live;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.registry.v1.ListDistrictsRequest;
import io.electa.registry.v1.ListDistrictsResponse;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.Certification;
import io.electa.tally.v1.CertifyResultsRequest;
import io.electa.tally.v1.ExportFormat;
import io.electa.tally.v1.ExportResultsRequest;
import io.electa.tally.v1.ExportResultsResponse;
import io.electa.tally.v1.GetLedgerHeadRequest;
import io.electa.tally.v1.GetResultsRequest;
import io.electa.tally.v1.WatchResultsRequest;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Results: now, live, exported, certified. */
@Command(name = "results", description = "Results of the nation or a district: now, live, exported, certified.",
        subcommands = {Results.Show.class, Results.Watch.class, Results.Export.class, Results.Certify.class})
public final class Results {

    @Command(name = "show", description = "The results now: every candidate's votes and share, turnout, stations "
            + "reported; --by-district a line per district.")
    static final class Show extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--district", paramLabel = "CODE")
        String district;
        @Option(names = "--by-district", description = "One line per district, and the nation.")
        boolean byDistrict;
        @Mixin
        Output output;

        @Override
        protected void run() {
            if (byDistrict) {
                output.print(byDistrict(services(), election.id));
                return;
            }
            io.electa.tally.v1.Results r = get(services(), election.id, district);
            output.print(r, candidates(r));
            if (output.isTable()) {
                out().println(summary(r));
                out().flush();
            }
        }
    }

    @Command(name = "watch", description = "The results live, redrawn as protocols come in, until certified.")
    static final class Watch extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--district", paramLabel = "CODE")
        String district;

        @Override
        protected void run() {
            WatchResultsRequest.Builder request = WatchResultsRequest.newBuilder().setElectionId(election.id);
            if (district != null) {
                request.setDistrictCode(district);
            }
            Live live = new Live(out());
            var updates = services().tallyStreams().watchResults(request.build());
            while (updates.hasNext()) {
                io.electa.tally.v1.Results r = updates.next().getResults();
                live.show(summary(r) + "\n" + Output.table(candidates(r).columns(), candidates(r).rows()));
            }
        }
    }

    @Command(name = "export", description = "Export the counted results: --format cdf (NIST SP 1500-100 v2 JSON) "
            + "or csv.")
    static final class Export extends ElectaCommand {
        /** The export formats. */
        enum Format { cdf, csv }

        @Mixin
        ElectionOption election;
        @Option(names = "--format", defaultValue = "cdf", description = "cdf or csv (default: ${DEFAULT-VALUE}).")
        Format format;
        @Option(names = "--out", paramLabel = "FILE", description = "The file (default: the name the tally suggests).")
        Path file;

        @Override
        protected void run() {
            Path written = export(services(), election.id, format == Format.cdf
                    ? ExportFormat.EXPORT_FORMAT_NIST_SP_1500_100_V2_JSON : ExportFormat.EXPORT_FORMAT_CSV, file);
            out().println("exported " + written);
            out().flush();
        }
    }

    /** Writes the export to {@code file} (or the suggested name); the file written. */
    public static Path export(Services services, String election, ExportFormat format, Path file) {
        Iterator<ExportResultsResponse> parts = services.tallyStreams().exportResults(ExportResultsRequest
                .newBuilder().setElectionId(election).setFormat(format).build());
        Path target = file != null ? file : Path.of(parts.next().getHeader().getFileName());
        try (OutputStream out = Files.newOutputStream(target)) {
            while (parts.hasNext()) {
                ExportResultsResponse part = parts.next();
                if (part.hasChunk()) {
                    part.getChunk().writeTo(out);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    @Command(name = "certify", description = "Certify the results: afterwards nothing changes.")
    static final class Certify extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--expected-sequence", paramLabel = "N", description = "Certify only if the ledger is still at "
                + "this sequence (the results you reviewed).")
        long expected;

        @Override
        protected void run() {
            Certification c = certify(services(), election.id, expected);
            out().println("certified at " + Views.time(c.getCertifyTime()) + "; " + summary(c.getResults()));
            out().flush();
        }
    }

    public static Certification certify(Services services, String election, long expectedSequence) {
        String requestId = Services.requestId();
        return Services.retrying(() -> services.tally().certifyResults(CertifyResultsRequest.newBuilder()
                .setElectionId(election).setExpectedLedgerSequence(expectedSequence).setRequestId(requestId).build()))
                .getCertification();
    }

    /**
     * The results once they reflect the ledger head as it is now: GetResults serves figures up to
     * one refresh interval (50 ms by default) old, so a read right after the last protocol may
     * not show it yet. Asks again for at most 10 seconds, then answers what it has.
     */
    public static io.electa.tally.v1.Results current(Services services, String election, String district) {
        long head = services.tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(election).build())
                .getHead().getSequence();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        io.electa.tally.v1.Results results = get(services, election, district);
        while (results.getLedgerSequence() < head && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return results;
            }
            results = get(services, election, district);
        }
        return results;
    }

    public static io.electa.tally.v1.Results get(Services services, String election, String district) {
        GetResultsRequest.Builder request = GetResultsRequest.newBuilder().setElectionId(election);
        if (district != null) {
            request.setDistrictCode(district);
        }
        return services.tally().getResults(request.build()).getResults();
    }

    /** The candidates' lines of a result. */
    public static Output.Listing candidates(io.electa.tally.v1.Results r) {
        Output.Listing.Builder listing = Output.Listing.of("#", "candidate", "name", "votes", "share");
        for (CandidateResult c : r.getCandidatesList()) {
            listing.row(c, c.getBallotOrder(), c.getCandidateCode(), c.getFullName(), c.getVotes(),
                    c.getShare().getPercent() + " %");
        }
        return listing.build();
    }

    /** One line: scope, status, turnout, stations reported, ledger sequence. */
    public static String summary(io.electa.tally.v1.Results r) {
        return (r.getDistrictCode().isEmpty() ? "nation" : "district " + r.getDistrictCode()) + ": "
                + Views.name(r.getStatus(), "RESULTS_STATUS_") + ", turnout " + r.getTurnout().getPercent() + " % ("
                + r.getBallotsIssued() + " of " + r.getVotersRegistered() + "), stations reported "
                + r.getStationsReported() + " of " + r.getStationsTotal() + " (" + r.getStationsReportedShare()
                .getPercent() + " %), ledger " + r.getLedgerSequence();
    }

    /** A line per district and one for the nation: turnout, the leading candidate's share, stations reported. */
    public static Output.Listing byDistrict(Services services, String election) {
        Output.Listing.Builder listing = Output.Listing.of("district", "turnout", "leader", "share", "reported");
        String token = "";
        do {
            ListDistrictsResponse page = services.registry().listDistricts(ListDistrictsRequest.newBuilder()
                    .setElectionId(election).setPageSize(1000).setPageToken(token).build());
            for (var district : page.getDistrictsList()) {
                row(listing, district.getDistrictCode(), get(services, election, district.getDistrictCode()));
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        row(listing, "(nation)", get(services, election, null));
        return listing.build();
    }

    private static void row(Output.Listing.Builder listing, String scope, io.electa.tally.v1.Results r) {
        CandidateResult leader = r.getCandidatesList().stream()
                .max(java.util.Comparator.comparingLong(CandidateResult::getVotes)).orElse(null);
        listing.row(r, scope, r.getTurnout().getPercent() + " %", leader == null ? "" : leader.getCandidateCode(),
                leader == null ? "" : leader.getShare().getPercent() + " %",
                r.getStationsReported() + "/" + r.getStationsTotal());
    }

}
