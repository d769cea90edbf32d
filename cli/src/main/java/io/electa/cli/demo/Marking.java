package io.electa.cli.demo;

import io.electa.cli.Progress;
import io.electa.cli.Services;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.scenario.CountPlan;
import io.electa.scenario.Geography;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Election day at the stations: every station marks its voters as they come in, all stations at
 * once (round by round: the k-th voter of every station, then the (k+1)-th), until each has
 * marked the number its count plans. Each mark is one MarkVoted with its own request_id; the
 * registry's live turnout is shown beside the progress bar.
 */
final class Marking {
    /** Marks in flight at once: enough to keep the registry busy on two cores. */
    private static final int IN_FLIGHT = 64;

    private final Services services;
    private final String election;
    private final DemoRoll roll;
    private final CountPlan plan;

    Marking(Services services, String election, DemoRoll roll, CountPlan plan) {
        this.services = services;
        this.election = election;
        this.roll = roll;
        this.plan = plan;
    }

    /** Marks every planned voter; the number marked. */
    long run(PrintWriter err) {
        ScheduledExecutorService turnout = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "demo-turnout");
            thread.setDaemon(true);
            return thread;
        });
        try (Progress progress = Progress.of("marking", plan.marked(), "voters", err)) {
            turnout.scheduleAtFixedRate(() -> progress.note("turnout " + services.registry().getTurnout(
                    GetTurnoutRequest.newBuilder().setElectionId(election).build()).getTurnout().getTurnout()
                    .getPercent() + " %"), 1, 2, TimeUnit.SECONDS);
            Concurrent.run(new Marks(), IN_FLIGHT, mark -> services.registryFutures().markVoted(mark), progress::step);
        } finally {
            turnout.shutdownNow();
        }
        return plan.marked();
    }

    /** The marks in the order voters arrive: round k marks the k-th planned voter of every station. */
    private final class Marks implements Iterator<MarkVotedRequest> {
        private final Geography geography = roll.geography();
        private final long rounds = plan.stations().stream().mapToLong(c -> c.marked()).max().orElse(0);
        private int round;
        private int station = -1;

        Marks() {
            advance();
        }

        private void advance() {
            do {
                station++;
                if (station == geography.stations()) {
                    station = 0;
                    round++;
                }
            } while (round < rounds && round >= plan.station(station).marked());
        }

        @Override
        public boolean hasNext() {
            return round < rounds;
        }

        @Override
        public MarkVotedRequest next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            var voter = roll.voter(station, round);
            MarkVotedRequest mark = MarkVotedRequest.newBuilder().setElectionId(election)
                    .setNationalId(voter.nationalId()).setStationCode(voter.stationCode())
                    .setRequestId(election + "-m-" + voter.nationalId()).build();
            advance();
            return mark;
        }
    }
}
