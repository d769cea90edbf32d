package io.electa.cli.demo;

import com.google.protobuf.util.Timestamps;
import io.electa.cli.PollBookUpload;
import io.electa.cli.Progress;
import io.electa.cli.Services;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.MarkOutcome;
import io.electa.registry.v1.MarkVerdict;
import io.electa.registry.v1.QueuedMark;
import io.electa.scenario.CountPlan;
import io.electa.scenario.Geography;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * Election day at the stations: every station's poll book marks its voters (as many as its count
 * plans) and uploads them with PollBookService.SyncPollBook, the fastest marking path the
 * registry offers, many stations at once. Each mark has its own request_id, so an upload retried
 * through an outage records nothing twice. The registry's live turnout is shown beside the
 * progress bar.
 */
final class Marking {
    /** Stations uploading at once. */
    private static final int IN_FLIGHT = 8;

    private final Services services;
    private final String election;
    private final DemoRoll roll;
    private final CountPlan plan;
    /** When the polls opened: the poll books' first marks (fixed, so that a retried upload is the same). */
    private final Instant opened = Instant.now();

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
        Geography geography = roll.geography();
        try (Progress progress = Progress.of("marking", plan.marked(), "voters", err)) {
            turnout.scheduleAtFixedRate(() -> progress.note("turnout " + services.registry().getTurnout(
                    GetTurnoutRequest.newBuilder().setElectionId(election).build()).getTurnout().getTurnout()
                    .getPercent() + " %"), 1, 2, TimeUnit.SECONDS);
            Concurrent.runStreams(IntStream.range(0, geography.stations()).iterator(), IN_FLIGHT,
                    station -> upload(geography.stationCode(station), pollBook(station)).thenApply(marked -> {
                        progress.step(marked);
                        return marked;
                    }), done -> { });
        } finally {
            stop(turnout);
        }
        return plan.marked();
    }

    /**
     * Stops the turnout notes, letting a GetTurnout in flight finish rather than interrupting it:
     * an interrupted call is cancelled, and the registry's unified gRPC server (Vert.x) answers a
     * cancelled unary call on the reset stream, which closes the whole HTTP/2 connection, the
     * calls that follow on it included (quarkusio/quarkus#56268).
     */
    private static void stop(ScheduledExecutorService turnout) {
        turnout.shutdown();
        try {
            if (!turnout.awaitTermination(30, TimeUnit.SECONDS)) {
                turnout.shutdownNow();
            }
        } catch (InterruptedException e) {
            turnout.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** The station's poll book: the first voters of its roll, as many as it marks, a millisecond apart. */
    private List<QueuedMark> pollBook(int station) {
        String device = "pollbook-" + roll.geography().stationCode(station);
        List<QueuedMark> marks = new ArrayList<>();
        for (int k = 0; k < plan.station(station).marked(); k++) {
            String nationalId = roll.nationalId(station, k);
            marks.add(QueuedMark.newBuilder().setNationalId(nationalId).setDeviceId(device)
                    .setDeviceTime(Timestamps.fromMillis(opened.toEpochMilli() + k))
                    .setRequestId(election + "-m-" + nationalId).build());
        }
        return marks;
    }

    /** Uploads a poll book; the marks counted, once every verdict says so. */
    private CompletableFuture<Long> upload(String station, List<QueuedMark> marks) {
        return PollBookUpload.upload(services.pollBooks(), election, station, marks).thenApply(verdicts -> {
            for (MarkVerdict v : verdicts) {
                if (v.getOutcome() != MarkOutcome.MARK_OUTCOME_RECORDED
                        && v.getOutcome() != MarkOutcome.MARK_OUTCOME_ALREADY_RECORDED) {
                    throw new IllegalStateException("station " + station + ": a mark was " + v.getOutcome() + ": "
                            + v.getMessage());
                }
            }
            return (long) verdicts.size();
        });
    }
}
