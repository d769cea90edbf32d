package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Failures.UsageFailure;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.cli.csv.CsvFile;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.ListCandidatesRequest;
import io.electa.tally.v1.NominationType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The candidate list. */
@Command(name = "candidates", description = "Define and list the candidates.",
        subcommands = {Candidates.Define.class, Candidates.ListAll.class})
public final class Candidates {
    /** The columns of a candidates file; nomination is party or self. */
    public static final List<String> COLUMNS = List.of("candidate_code", "full_name", "nomination", "party_name",
            "ballot_order");

    @Command(name = "define", description = "Define the complete candidate list from a CSV file "
            + "(candidate_code,full_name,nomination,party_name,ballot_order; nomination party or self); "
            + "allowed until the polls open.")
    static final class Define extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "FILE.csv")
        Path file;
        @Mixin
        Output output;

        @Override
        protected void run() {
            List<CandidateDefinition> list = new ArrayList<>();
            new CsvFile(file, COLUMNS).forEach(row -> list.add(CandidateDefinition.newBuilder()
                    .setCandidateCode(row.get("candidate_code")).setFullName(row.get("full_name"))
                    .setNominationType(nomination(row.get("nomination"), row.getRecordNumber()))
                    .setPartyName(row.get("party_name"))
                    .setBallotOrder(number(row.get("ballot_order"), row.getRecordNumber())).build()));
            print(define(services(), election.id, list), output);
        }
    }

    /** Defines {@code list} as the election's candidates; the stored list. */
    public static List<Candidate> define(Services services, String election, List<CandidateDefinition> list) {
        String requestId = Services.requestId();
        return Services.retrying(() -> services.tally().defineCandidates(DefineCandidatesRequest.newBuilder()
                .setElectionId(election).addAllCandidates(list).setRequestId(requestId).build())).getCandidatesList();
    }

    @Command(name = "list", description = "List the candidates by ballot order.")
    static final class ListAll extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Mixin
        Output output;

        @Override
        protected void run() {
            print(services().tally().listCandidates(ListCandidatesRequest.newBuilder().setElectionId(election.id)
                    .setPageSize(1000).build()).getCandidatesList(), output);
        }
    }

    static void print(List<Candidate> candidates, Output output) {
        Output.Listing.Builder listing = Output.Listing.of("order", "candidate", "name", "party");
        for (Candidate c : candidates) {
            listing.row(c, c.getBallotOrder(), c.getCandidateCode(), c.getFullName(), c.getPartyName());
        }
        output.print(listing.build());
    }

    private static NominationType nomination(String text, long row) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "party" -> NominationType.NOMINATION_TYPE_PARTY;
            case "self" -> NominationType.NOMINATION_TYPE_SELF_NOMINATED;
            default -> throw new UsageFailure("row " + row + ": nomination must be party or self");
        };
    }

    static int number(String text, long row) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new UsageFailure("row " + row + ": '" + text + "' is not a whole number");
        }
    }
}
