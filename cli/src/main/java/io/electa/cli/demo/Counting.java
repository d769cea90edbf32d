package io.electa.cli.demo;

import io.electa.cli.Progress;
import io.electa.cli.Services;
import io.electa.cli.command.Protocols;
import io.electa.scenario.CountPlan;
import io.electa.scenario.Geography;
import io.electa.scenario.StationCount;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.CorrectProtocolRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.RejectProtocolRequest;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.WatchResultsRequest;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The count: every station submits its protocol. A few commissions first send protocols whose
 * figures do not add up (refused, with the broken relation named, and sent again correctly); a
 * few send figures that disagree with the voters their station marked (quarantined): the district
 * commission has some of them corrected and rejects the others, which the stations then submit
 * again. Meanwhile the results are watched live.
 */
final class Counting {
    /** Protocols in flight at once. */
    private static final int IN_FLIGHT = 16;

    private final Services services;
    private final String election;
    private final Geography geography;
    private final CountPlan plan;
    private final List<String> candidateCodes;
    private final Set<Integer> broken = new TreeSet<>();
    private final Set<Integer> disagreeing = new TreeSet<>();
    private final List<Protocol> quarantined = new ArrayList<>();

    Counting(Services services, String election, Geography geography, CountPlan plan, List<String> candidateCodes,
            long seed) {
        this.services = services;
        this.election = election;
        this.geography = geography;
        this.plan = plan;
        this.candidateCodes = candidateCodes;
        SplittableRandom random = new SplittableRandom(seed ^ 0xC0_07L);
        int stations = geography.stations();
        while (broken.size() < Math.max(2, stations / 1_000)) {
            broken.add(random.nextInt(stations));
        }
        while (disagreeing.size() < Math.max(2, stations / 1_000)) {
            int s = random.nextInt(stations);
            StationCount c = plan.station(s);
            if (!broken.contains(s) && c.registered() - c.marked() >= 2) {
                disagreeing.add(s);
            }
        }
    }

    /** The protocols that do not add up: each refused, then sent again as counted. */
    List<String> refusals() {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (int s : broken) {
            StationCount c = plan.station(s);
            ProtocolFigures.Builder wrong = figures(c).toBuilder();
            if (n++ % 2 == 0) {
                wrong.setBallotsReceived(c.received() + 10);
            } else {
                wrong.setCandidateVotes(1, wrong.getCandidateVotes(1).toBuilder().setVotes(c.votes()[1] + 5));
            }
            try {
                Protocols.submit(services, election, code(s), wrong.build());
                throw new IllegalStateException("the tally accepted a protocol that does not add up at " + code(s));
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.INVALID_ARGUMENT) {
                    throw e;
                }
                lines.add(code(s) + " refused: " + e.getStatus().getDescription());
            }
            Protocols.submit(services, election, code(s), figures(c));
        }
        return lines;
    }

    /** The protocols that disagree with the marks: stored QUARANTINED with the finding. */
    List<String> quarantines() {
        List<String> lines = new ArrayList<>();
        for (int s : disagreeing) {
            StationCount c = plan.station(s);
            ProtocolFigures right = figures(c);
            ProtocolFigures wrong = right.toBuilder().setBallotsIssuedOnDay(right.getBallotsIssuedOnDay() + 2)
                    .setBallotsCancelled(right.getBallotsCancelled() - 2)
                    .setBallotsFoundStationary(right.getBallotsFoundStationary() + 2)
                    .setBallotsInvalid(right.getBallotsInvalid() + 2).build();
            Protocol stored = Protocols.submit(services, election, code(s), wrong);
            if (stored.getStatus() != ProtocolStatus.PROTOCOL_STATUS_QUARANTINED) {
                throw new IllegalStateException("the tally did not quarantine " + code(s) + ": " + stored.getStatus());
            }
            quarantined.add(stored);
            lines.add(code(s) + " quarantined: " + stored.getFindings(0).getMessage());
        }
        return lines;
    }

    /** Every other station's protocol, concurrently, with the live results beside the progress bar. */
    long everyOtherStation(PrintWriter err) {
        List<Integer> stations = new ArrayList<>();
        for (int s = 0; s < geography.stations(); s++) {
            if (!broken.contains(s) && !disagreeing.contains(s)) {
                stations.add(s);
            }
        }
        Context.CancellableContext watching = Context.current().withCancellation();
        try (Progress progress = Progress.of("protocols", stations.size(), "stations", err)) {
            Thread watcher = new Thread(() -> watching.run(() -> watch(progress)), "demo-results");
            watcher.setDaemon(true);
            watcher.start();
            Iterator<SubmitProtocolRequest> requests = stations.stream().map(s -> SubmitProtocolRequest.newBuilder()
                    .setElectionId(election).setStationCode(code(s)).setFigures(figures(plan.station(s)))
                    .setRequestId(election + "-protocol-" + code(s)).build()).iterator();
            Concurrent.run(requests, IN_FLIGHT, request -> services.tallyFutures().submitProtocol(request),
                    progress::step);
        } finally {
            watching.cancel(null);
        }
        return stations.size();
    }

    /** The district commissions' review: half the quarantined corrected, the others rejected and sent again. */
    List<String> review() {
        List<String> lines = new ArrayList<>();
        int n = 0;
        for (Protocol p : quarantined) {
            int s = station(p.getStationCode());
            ProtocolFigures right = figures(plan.station(s));
            if (n++ % 2 == 0) {
                Protocol corrected = Services.retrying(() -> services.tally().correctProtocol(CorrectProtocolRequest
                        .newBuilder().setElectionId(election).setSupersedesProtocolId(p.getProtocolId())
                        .setFigures(right).setReason("recount: two spoilt ballots had been counted as issued")
                        .setRequestId(election + "-correct-" + p.getStationCode()).build())).getProtocol();
                lines.add(p.getStationCode() + " corrected after a recount: version " + corrected.getVersion() + " "
                        + name(corrected.getStatus()));
            } else {
                Services.retrying(() -> services.tally().rejectProtocol(RejectProtocolRequest.newBuilder()
                        .setElectionId(election).setProtocolId(p.getProtocolId())
                        .setReason("figures disagree with the marked roll; the station must recount")
                        .setRequestId(election + "-reject-" + p.getStationCode()).build()));
                Protocol again = Protocols.submit(services, election, p.getStationCode(), right);
                lines.add(p.getStationCode() + " rejected by the district commission, recounted and submitted "
                        + "again: version " + again.getVersion() + " " + name(again.getStatus()));
            }
        }
        return lines;
    }

    /** The station's protocol as counted. */
    ProtocolFigures figures(StationCount c) {
        ProtocolFigures.Builder f = ProtocolFigures.newBuilder()
                .setVotersRegistered(c.registered())
                .setBallotsReceived(c.received())
                .setBallotsIssuedEarly(0)
                .setBallotsIssuedOnDay(c.issuedOnDay())
                .setBallotsIssuedMobile(c.issuedMobile())
                .setBallotsCancelled(c.cancelled())
                .setBallotsFoundStationary(c.issuedOnDay())
                .setBallotsFoundMobile(c.issuedMobile())
                .setBallotsInvalid(c.invalid())
                .setBallotsValid(c.valid());
        for (int i = 0; i < candidateCodes.size(); i++) {
            f.addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode(candidateCodes.get(i))
                    .setVotes(c.votes()[i]));
        }
        return f.build();
    }

    private void watch(Progress progress) {
        try {
            services.tallyStreams().watchResults(WatchResultsRequest.newBuilder().setElectionId(election).build())
                    .forEachRemaining(update -> {
                        Results r = update.getResults();
                        String leader = r.getCandidatesCount() == 0 ? "" : ", " + r.getCandidates(0).getCandidateCode()
                                + " " + r.getCandidates(0).getShare().getPercent() + " %";
                        progress.note("reported " + r.getStationsReportedShare().getPercent() + " %" + leader);
                    });
        } catch (StatusRuntimeException cancelled) {
            // The count is over: the watch was cancelled.
        }
    }

    private String code(int station) {
        return geography.stationCode(station);
    }

    private static int station(String code) {
        return Integer.parseInt(code.substring(1)) - 1;
    }

    private static String name(ProtocolStatus status) {
        return status.name().replace("PROTOCOL_STATUS_", "");
    }
}
