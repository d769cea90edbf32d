package io.electa.benchmarks;

import io.electa.scenario.Geography;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.GetResultsRequest;
import io.electa.tally.v1.NominationType;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.TallyServiceGrpc.TallyServiceBlockingStub;
import io.electa.tally.v1.TallyServiceGrpc;
import io.grpc.ManagedChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The count after the polls close: every station's protocol submitted by concurrent clients while
 * one more client keeps reading the national results.
 */
final class TallyLoad {
    /** The reference scenario: 76.73 % of registered voters took a ballot, the winner had 92.12 %. */
    static final double TURNOUT = 0.7673;
    static final double WINNER_SHARE = 0.9212;
    static final double INVALID_SHARE = 0.012;
    static final List<String> CANDIDATES = List.of("C1", "C2", "C3");
    /** The results reader's pause between reads: about 100 reads/s, like a room of live dashboards. */
    static final long READ_PAUSE_MILLIS = 10;

    private final ManagedChannel channel;
    private final String electionId;
    private final Geography geography;

    /** One station's protocol as the benchmark submits it. */
    record StationProtocol(String stationCode, ProtocolFigures figures) {
    }

    /** What the run measured. */
    record Figures(int submitted, int accepted, int failed, long elapsedNanos, long currentAfterNanos,
            long[] resultsLatencyNanos) {
    }

    TallyLoad(ManagedChannel channel, String electionId, Geography geography) {
        this.channel = channel;
        this.electionId = electionId;
        this.geography = geography;
    }

    void defineCandidates() {
        DefineCandidatesRequest.Builder request = DefineCandidatesRequest.newBuilder()
                .setElectionId(electionId).setRequestId(Protos.requestId());
        for (int i = 0; i < CANDIDATES.size(); i++) {
            request.addCandidates(CandidateDefinition.newBuilder().setCandidateCode(CANDIDATES.get(i))
                    .setFullName("Candidate " + (i + 1)).setNominationType(i == 2
                            ? NominationType.NOMINATION_TYPE_SELF_NOMINATED : NominationType.NOMINATION_TYPE_PARTY)
                    .setPartyName(i == 2 ? "" : "Party " + (i + 1)).setBallotOrder(i + 1));
        }
        stub(30).defineCandidates(request.build());
    }

    /**
     * A balanced protocol of a station with {@code registered} voters: the scenario's turnout and
     * winner's share, every ballot issued before the count and found, unused ballots cancelled. No
     * voter is marked in the registry, so all ballots count as issued early (XC2 holds: 0 = 0).
     */
    static StationProtocol protocol(String stationCode, long registered) {
        long issued = Math.round(registered * TURNOUT);
        long invalid = Math.round(issued * INVALID_SHARE);
        long valid = issued - invalid;
        long winner = Math.round(valid * WINNER_SHARE);
        long second = (valid - winner) * 2 / 3;
        long third = valid - winner - second;
        ProtocolFigures.Builder f = ProtocolFigures.newBuilder()
                .setVotersRegistered(registered)
                .setBallotsReceived(registered)
                .setBallotsIssuedEarly(issued)
                .setBallotsCancelled(registered - issued)
                .setBallotsFoundStationary(issued)
                .setBallotsInvalid(invalid)
                .setBallotsValid(valid);
        long[] votes = {winner, second, third};
        for (int i = 0; i < votes.length; i++) {
            f.addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode(CANDIDATES.get(i)).setVotes(votes[i]));
        }
        return new StationProtocol(stationCode, f.build());
    }

    /** Submits every protocol from {@code clients} threads while one more reads the national results. */
    Figures run(List<StationProtocol> protocols, int clients) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong lastAck = new AtomicLong();
        List<Long> latencies = new ArrayList<>();
        Thread reader = new Thread(() -> readWhileRunning(next, protocols.size(), latencies), "results-reader");
        Log.info(String.format("submitting %,d protocols from %d clients", protocols.size(), clients));
        long start = System.nanoTime();
        reader.start();
        List<Thread> submitters = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(() -> submit(protocols, next, accepted, failed, lastAck), "submitter-" + c);
            submitters.add(t);
            t.start();
        }
        for (Thread t : submitters) {
            t.join();
        }
        long currentAfter = awaitComplete(protocols.size(), lastAck.get());
        reader.join();
        long[] sorted;
        synchronized (latencies) {
            sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        return new Figures(protocols.size(), accepted.get(), failed.get(), lastAck.get() - start, currentAfter,
                sorted);
    }

    private void submit(List<StationProtocol> protocols, AtomicInteger next, AtomicInteger accepted,
            AtomicInteger failed, AtomicLong lastAck) {
        for (int i = next.getAndIncrement(); i < protocols.size(); i = next.getAndIncrement()) {
            StationProtocol p = protocols.get(i);
            try {
                ProtocolStatus status = stub(30).submitProtocol(SubmitProtocolRequest.newBuilder()
                        .setElectionId(electionId).setStationCode(p.stationCode()).setFigures(p.figures())
                        .setRequestId(Protos.requestId()).build()).getProtocol().getStatus();
                if (status == ProtocolStatus.PROTOCOL_STATUS_ACCEPTED) {
                    accepted.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                Log.info("submission of " + p.stationCode() + " failed: " + e);
            }
            lastAck.accumulateAndGet(System.nanoTime(), Math::max);
        }
    }

    private void readWhileRunning(AtomicInteger next, int total, List<Long> latencies) {
        GetResultsRequest nation = GetResultsRequest.newBuilder().setElectionId(electionId).build();
        while (next.get() < total) {
            long t0 = System.nanoTime();
            try {
                stub(5).getResults(nation);
                long latency = System.nanoTime() - t0;
                synchronized (latencies) {
                    latencies.add(latency);
                }
            } catch (RuntimeException e) {
                Log.info("GetResults failed: " + e);
            }
            sleepMillis(READ_PAUSE_MILLIS);
        }
    }

    /** Nanoseconds from the last acknowledgement until a GetResults answer counts every station. */
    private long awaitComplete(int total, long lastAck) {
        GetResultsRequest nation = GetResultsRequest.newBuilder().setElectionId(electionId).build();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            if (stub(5).getResults(nation).getResults().getStationsReported() >= total) {
                return System.nanoTime() - lastAck;
            }
            sleepMillis(1);
        }
        return -1;
    }

    /** A stub whose deadline starts now (a stub's deadline is fixed when it is made). */
    private TallyServiceBlockingStub stub(int deadlineSeconds) {
        return TallyServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadlineSeconds, TimeUnit.SECONDS);
    }

    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
