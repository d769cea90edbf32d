package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Output;
import io.electa.registry.v1.FindPollingStationRequest;
import io.electa.registry.v1.FindPollingStationResponse;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The public "where do I vote". */
@Command(name = "where-do-i-vote", description = "The station of a voter, by national ID and date of birth.")
public final class WhereDoIVote extends ElectaCommand {
    @Mixin
    ElectionOption election;
    @Parameters(index = "0", paramLabel = "NATIONAL_ID")
    String nationalId;
    @Option(names = "--born", required = true, paramLabel = "YYYY-MM-DD")
    LocalDate born;
    @Mixin
    Output output;

    @Override
    protected void run() {
        FindPollingStationResponse found = services().registry().findPollingStation(FindPollingStationRequest
                .newBuilder().setElectionId(election.id).setNationalId(nationalId)
                .setDateOfBirth(Elections.date(born)).build());
        var s = found.getStation();
        output.print(found, Output.Listing.of("station", "name", "address", "absentee")
                .row(found, s.getStationCode(), s.getName(), s.getAddress(), found.getAbsentee() ? "yes" : "no")
                .build());
    }
}
