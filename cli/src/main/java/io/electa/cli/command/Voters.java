package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Output;
import io.electa.cli.imports.RollImport;
import io.electa.registry.v1.GetVoterRequest;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.Voter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** The roll: import voters from CSV, show one voter. */
@Command(name = "voters", description = "Import the roll and show voters.",
        subcommands = {Voters.Import.class, Voters.Show.class})
public final class Voters {

    @Command(name = "import", description = "Import (upsert) the voters of a CSV file "
            + "(national_id,family_name,given_name,date_of_birth,station_code; dates YYYY-MM-DD). "
            + "Exit code 10 when rows were rejected; they are listed in the report file.")
    static final class Import extends RollFileImport {
        @Override
        ImportReport send() {
            return RollImport.voters(services(), election.id, file, err());
        }
    }

    @Command(name = "show", description = "Show a voter's roll entry (personal data).")
    static final class Show extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "NATIONAL_ID")
        String nationalId;
        @Mixin
        Output output;

        @Override
        protected void run() {
            Voter v = services().registry().getVoter(GetVoterRequest.newBuilder().setElectionId(election.id)
                    .setNationalId(nationalId).build()).getVoter();
            output.print(v, Output.Listing.of("field", "value").row(v, "national id", v.getNationalId())
                    .row(v, "family name", v.getFamilyName()).row(v, "given name", v.getGivenName())
                    .row(v, "date of birth", Views.date(v.getDateOfBirth())).row(v, "station", v.getStationCode())
                    .build());
        }
    }
}
