package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.VoteMark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Marking a voter as having received a ballot. */
@Command(name = "mark", description = "Mark a voter as having received a ballot at a station (once per voter). "
        + "A station's poll book file: `pollbook sync`.")
public final class Mark extends ElectaCommand {
    @Mixin
    ElectionOption election;
    @Parameters(index = "0", paramLabel = "NATIONAL_ID")
    String nationalId;
    @Option(names = "--station", required = true, paramLabel = "CODE")
    String station;
    @Option(names = "--request-id", paramLabel = "ID", description = "Idempotency key (default: a new one); "
            + "the same key again returns the same mark.")
    String requestId = Services.requestId();
    @Mixin
    Output output;

    @Override
    protected void run() {
        VoteMark m = Services.retrying(() -> services().registry().markVoted(MarkVotedRequest.newBuilder()
                .setElectionId(election.id).setNationalId(nationalId).setStationCode(station).setRequestId(requestId)
                .build())).getMark();
        output.print(m, Output.Listing.of("voter", "station", "time", "absentee")
                .row(m, m.getNationalId(), m.getStationCode(), Views.time(m.getMarkTime()),
                        m.getAbsentee() ? "yes" : "no")
                .build());
    }
}
