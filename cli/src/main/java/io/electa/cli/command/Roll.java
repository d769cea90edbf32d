package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.GetRollDigestRequest;
import io.electa.registry.v1.RollDigest;
import io.electa.registry.v1.StationRollDigest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The roll freeze and its published digest. */
@Command(name = "roll", description = "Freeze the roll; show its digest.",
        subcommands = {Roll.Freeze.class, Roll.Digest.class})
public final class Roll {

    @Command(name = "freeze", description = "Freeze the roll: every station's size and digest are published.")
    static final class Freeze extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Mixin
        Output output;

        @Override
        protected void run() {
            String requestId = Services.requestId();
            RollDigest digest = Services.retrying(() -> services().registry().freezeRoll(FreezeRollRequest.newBuilder()
                    .setElectionId(election.id).setRequestId(requestId).build())).getDigest();
            print(digest, false, output);
        }
    }

    @Command(name = "digest", description = "The published digest: the election's SHA-256 and registered voters, "
            + "and with --stations every station's size and SHA-256 (re-derivable: see the README).")
    static final class Digest extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--station", paramLabel = "CODE", description = "Only this station.")
        String station = "";
        @Option(names = "--stations", description = "List every station.")
        boolean stations;
        @Mixin
        Output output;

        @Override
        protected void run() {
            RollDigest digest = services().registry().getRollDigest(GetRollDigestRequest.newBuilder()
                    .setElectionId(election.id).setStationCode(station).build()).getDigest();
            print(digest, stations || !station.isEmpty(), output);
        }
    }

    static void print(RollDigest digest, boolean stations, Output output) {
        Output.Listing.Builder listing = Output.Listing.of("station", "voters", "sha256");
        if (stations) {
            for (StationRollDigest s : digest.getStationsList()) {
                listing.row(s, s.getStationCode(), s.getRollSize(), s.getSha256());
            }
        }
        listing.row(digest, "(election)", digest.getTotalRegistered(), digest.getSha256());
        output.print(listing.build());
    }
}
