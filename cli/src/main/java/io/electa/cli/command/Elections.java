package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.common.v1.Date;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.Election;
import io.electa.registry.v1.GetElectionRequest;
import io.electa.registry.v1.ListElectionsRequest;
import io.electa.registry.v1.ListElectionsResponse;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Elections: create, list, show. */
@Command(name = "elections", description = "Create, list and show elections.",
        subcommands = {Elections.Create.class, Elections.ListAll.class, Elections.Show.class})
public final class Elections {

    @Command(name = "create", description = "Create an election (status SCHEDULED).")
    static final class Create extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "ELECTION", description = "Its id, e.g. pres-2027.")
        String id;
        @Option(names = "--name", required = true, description = "Its name.")
        String name;
        @Option(names = "--day", required = true, paramLabel = "YYYY-MM-DD", description = "Election day.")
        LocalDate day;
        @Mixin
        Output output;

        @Override
        protected void run() {
            String requestId = Services.requestId();
            Election created = Services.retrying(() -> services().registry().createElection(
                    CreateElectionRequest.newBuilder().setElectionId(id).setName(name).setElectionDay(date(day))
                            .setRequestId(requestId).build())).getElection();
            output.print(created, Views.election(created));
        }
    }

    @Command(name = "list", description = "List every election.")
    static final class ListAll extends ElectaCommand {
        @Mixin
        Output output;

        @Override
        protected void run() {
            Output.Listing.Builder listing = Output.Listing.of("election", "name", "day", "status");
            String token = "";
            do {
                ListElectionsResponse page = services().registry().listElections(ListElectionsRequest.newBuilder()
                        .setPageSize(1000).setPageToken(token).build());
                for (Election e : page.getElectionsList()) {
                    listing.row(e, e.getElectionId(), e.getName(), Views.date(e.getElectionDay()), Views.status(e));
                }
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            output.print(listing.build());
        }
    }

    @Command(name = "show", description = "Show one election.")
    static final class Show extends ElectaCommand {
        @Parameters(index = "0", paramLabel = "ELECTION")
        String id;
        @Mixin
        Output output;

        @Override
        protected void run() {
            Election election = services().registry().getElection(GetElectionRequest.newBuilder().setElectionId(id)
                    .build()).getElection();
            output.print(election, Views.election(election));
        }
    }

    static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth())
                .build();
    }
}
