package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Output;
import io.electa.cli.imports.RollImport;
import io.electa.registry.v1.GetStationRequest;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.ListStationsRequest;
import io.electa.registry.v1.ListStationsResponse;
import io.electa.registry.v1.Station;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Polling stations: import from CSV, list, find. */
@Command(name = "stations", description = "Import, list and find polling stations.",
        subcommands = {Stations.Import.class, Stations.ListAll.class, Stations.Find.class})
public final class Stations {

    @Command(name = "import", description = "Import (upsert) the stations of a CSV file "
            + "(station_code,district_code,name,address).")
    static final class Import extends RollFileImport {
        @Override
        ImportReport send() {
            return RollImport.stations(services(), election.id, file, err());
        }
    }

    @Command(name = "list", description = "List the stations by code, of the election or one district.")
    static final class ListAll extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Option(names = "--district", paramLabel = "CODE")
        String district = "";
        @Mixin
        Output output;

        @Override
        protected void run() {
            Output.Listing.Builder listing = Output.Listing.of("station", "district", "name", "address");
            String token = "";
            do {
                ListStationsResponse page = services().registry().listStations(ListStationsRequest.newBuilder()
                        .setElectionId(election.id).setDistrictCode(district).setPageSize(1000).setPageToken(token)
                        .build());
                for (Station s : page.getStationsList()) {
                    listing.row(s, s.getStationCode(), s.getDistrictCode(), s.getName(), s.getAddress());
                }
                token = page.getNextPageToken();
            } while (!token.isEmpty());
            output.print(listing.build());
        }
    }

    @Command(name = "find", description = "Show one station.")
    static final class Find extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Parameters(index = "0", paramLabel = "STATION")
        String code;
        @Mixin
        Output output;

        @Override
        protected void run() {
            Station s = services().registry().getStation(GetStationRequest.newBuilder().setElectionId(election.id)
                    .setStationCode(code).build()).getStation();
            output.print(s, Output.Listing.of("field", "value").row(s, "station", s.getStationCode())
                    .row(s, "district", s.getDistrictCode()).row(s, "name", s.getName())
                    .row(s, "address", s.getAddress()).build());
        }
    }

}
