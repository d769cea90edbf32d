package io.electa.cli.command;

import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.Live;
import io.electa.cli.Output;
import io.electa.cli.Services;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.ListDistrictsRequest;
import io.electa.registry.v1.ListDistrictsResponse;
import io.electa.registry.v1.WatchTurnoutRequest;
import io.electa.registry.v1.WatchTurnoutResponse;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Turnout: now, or live. */
@Command(name = "turnout", description = "Turnout of the nation, a district or a station: now, or live.",
        subcommands = {Turnout.Show.class, Turnout.Watch.class})
public final class Turnout {

    /** Which scope: nation (no option), a district or a station. */
    static final class Scope {
        @Option(names = "--district", paramLabel = "CODE")
        String district;
        @Option(names = "--station", paramLabel = "CODE")
        String station;

        GetTurnoutRequest.Builder request(String election) {
            GetTurnoutRequest.Builder request = GetTurnoutRequest.newBuilder().setElectionId(election);
            if (station != null) {
                request.setStationCode(station);
            } else if (district != null) {
                request.setDistrictCode(district);
            }
            return request;
        }
    }

    @Command(name = "show", description = "Turnout now; --by-district lists every district.")
    static final class Show extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Mixin
        Scope scope = new Scope();
        @Option(names = "--by-district", description = "A table of every district and the nation.")
        boolean byDistrict;
        @Mixin
        Output output;

        @Override
        protected void run() {
            if (byDistrict) {
                output.print(byDistrict(services(), election.id));
                return;
            }
            var t = services().registry().getTurnout(scope.request(election.id).build()).getTurnout();
            output.print(t, Output.Listing.of("scope", "registered", "voted", "turnout", "stations")
                    .row(t, scopeOf(t), t.getRegistered(), t.getVoted(), t.getTurnout().getPercent() + " %",
                            t.getStations())
                    .build());
        }
    }

    @Command(name = "watch", description = "Turnout live: the national figures and every district, redrawn as "
            + "marks come in (Ctrl-C stops).")
    static final class Watch extends ElectaCommand {
        @Mixin
        ElectionOption election;
        @Mixin
        Scope scope = new Scope();

        @Override
        protected void run() {
            GetTurnoutRequest given = scope.request(election.id).build();
            WatchTurnoutRequest.Builder request = WatchTurnoutRequest.newBuilder().setElectionId(election.id);
            if (given.hasStationCode()) {
                request.setStationCode(given.getStationCode());
            } else if (given.hasDistrictCode()) {
                request.setDistrictCode(given.getDistrictCode());
            }
            Live live = new Live(out());
            Iterator<WatchTurnoutResponse> updates = services().registryStreams().watchTurnout(request.build());
            while (updates.hasNext()) {
                var t = updates.next().getTurnout();
                String head = scopeOf(t) + ": " + t.getVoted() + " of " + t.getRegistered() + " voted, "
                        + t.getTurnout().getPercent() + " %";
                live.show(given.hasStationCode() || given.hasDistrictCode() ? head
                        : head + "\n" + table(byDistrict(services(), election.id)));
            }
        }
    }

    /** Every district's turnout as the registry publishes it, and the nation's. */
    static Output.Listing byDistrict(Services services, String election) {
        Output.Listing.Builder listing = Output.Listing.of("district", "registered", "voted", "turnout", "stations");
        String token = "";
        do {
            ListDistrictsResponse page = services.registry().listDistricts(ListDistrictsRequest.newBuilder()
                    .setElectionId(election).setPageSize(1000).setPageToken(token).build());
            for (var district : page.getDistrictsList()) {
                var t = services.registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(election)
                        .setDistrictCode(district.getDistrictCode()).build()).getTurnout();
                listing.row(t, district.getDistrictCode(), t.getRegistered(), t.getVoted(),
                        t.getTurnout().getPercent() + " %", t.getStations());
            }
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        var nation = services.registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(election).build())
                .getTurnout();
        listing.row(nation, "(nation)", nation.getRegistered(), nation.getVoted(), nation.getTurnout().getPercent()
                + " %", nation.getStations());
        return listing.build();
    }

    private static String table(Output.Listing listing) {
        return Output.table(listing.columns(), listing.rows());
    }

    private static String scopeOf(io.electa.registry.v1.Turnout t) {
        return !t.getStationCode().isEmpty() ? "station " + t.getStationCode()
                : !t.getDistrictCode().isEmpty() ? "district " + t.getDistrictCode() : "nation";
    }

}
