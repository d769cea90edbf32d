package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.registry.v1.ClosePollsRequest;
import io.electa.registry.v1.Election;
import io.electa.registry.v1.OpenPollsRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Opening and closing the polls. */
@Command(name = "polls", description = "Open or close the polls.", subcommands = {Polls.Open.class, Polls.Close.class})
public final class Polls {

    /** A change of the election's status, printed as the election it leaves. */
    abstract static class Transition extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Mixin
        Output output;

        /** The change, sent with {@code requestId}. */
        abstract Election change(String requestId);

        @Override
        protected void run() {
            String requestId = Services.requestId();
            Election e = Services.retrying(() -> change(requestId));
            output.print(e, Views.election(e));
        }
    }

    @Command(name = "open", description = "Open the polls (the roll must be frozen).")
    static final class Open extends Transition {
        @Override
        Election change(String requestId) {
            return services().registry().openPolls(OpenPollsRequest.newBuilder().setElectionId(election.id)
                    .setRequestId(requestId).build()).getElection();
        }
    }

    @Command(name = "close", description = "Close the polls.")
    static final class Close extends Transition {
        @Override
        Election change(String requestId) {
            return services().registry().closePolls(ClosePollsRequest.newBuilder().setElectionId(election.id)
                    .setRequestId(requestId).build()).getElection();
        }
    }
}
