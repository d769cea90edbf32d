package io.electa.benchmarks;

import io.electa.scenario.SyntheticVoter;
import io.electa.scenario.VoterGenerator;
import io.grpc.ManagedChannel;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Part C: poll books that sync. In each round the next voters of the roll are queued at their
 * stations' poll books (as devices that marked offline), and every station uploads its queue
 * through {@code SyncPollBook}, as many stations at once as there are clients; then the same
 * queues go straight into PostgreSQL as one {@code INSERT ... SELECT FROM unnest} per station
 * from as many connections (the floor). Figures are rates over the round's marks.
 */
final class PollBookBenchmark {

    /** One side of one round: marks, time taken, failures and CPU. */
    record Side(long marks, long nanos, long failures, Throwable firstFailure, CpuMeter.CpuUse cpu) {
        double perSecond() {
            return marks / (nanos / 1e9);
        }
    }

    /** One round: the uploads and the floor. */
    record Round(int stations, Side uploads, Side floor) {
        double ratio() {
            return uploads.perSecond() / floor.perSecond();
        }
    }

    /** The outcome of part C. */
    record Figures(int clients, int marksPerRound, List<Round> rounds, long recorded, long notRecorded) {
        Spread uploads() {
            return Spread.of(rounds.stream().mapToDouble(r -> r.uploads().perSecond()).toArray());
        }

        Spread floor() {
            return Spread.of(rounds.stream().mapToDouble(r -> r.floor().perSecond()).toArray());
        }

        Spread ratio() {
            return Spread.of(rounds.stream().mapToDouble(Round::ratio).toArray());
        }

        Spread cpu(Function<Round, Side> side,
                Function<CpuMeter.CpuUse, OptionalLong> party) {
            return Spread.of(rounds.stream().mapToDouble(r -> CpuMeter.CpuUse.microsPerCall(
                    party.apply(side.apply(r).cpu()), side.apply(r).marks())).toArray());
        }

        long failures() {
            return rounds.stream().mapToLong(r -> r.uploads().failures() + r.floor().failures()).sum();
        }
    }

    /** Something done to one station's queue. */
    private interface Work {
        void apply(PollBookUploads.StationQueue queue) throws Exception;
    }

    private final BenchDatabase database;
    private final int port;
    private final String electionId;
    private final VoterGenerator voters;
    private final VoterCursor cursor;
    private final CpuMeter cpu;
    private final int clients;
    private final int marksPerRound;
    private final int rounds;

    PollBookBenchmark(BenchDatabase database, int port, String electionId, VoterGenerator voters, VoterCursor cursor,
            CpuMeter cpu, int clients, int marksPerRound, int rounds) {
        this.database = database;
        this.port = port;
        this.electionId = electionId;
        this.voters = voters;
        this.cursor = cursor;
        this.cpu = cpu;
        this.clients = clients;
        this.marksPerRound = marksPerRound;
        this.rounds = rounds;
    }

    Figures run() throws Exception {
        try (Connection connection = database.connect()) {
            UnnestFloor.createTable(connection);
        }
        List<ManagedChannel> channels = new ArrayList<>();
        List<PollBookUploads> uploads = new ArrayList<>();
        List<UnnestFloor> floors = new ArrayList<>();
        try {
            for (int k = 0; k < clients; k++) {
                ManagedChannel channel = Channels.open(port);
                channels.add(channel);
                uploads.add(new PollBookUploads(channel, electionId));
                floors.add(new UnnestFloor(database.connect(), electionId));
            }
            List<Round> done = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                List<PollBookUploads.StationQueue> queues = nextQueues(round);
                long marks = queues.stream().mapToLong(q -> q.marks().size()).sum();
                database.checkpoint();
                Side synced = timed(queues, marks, k -> uploads.get(k)::upload);
                database.checkpoint();
                Side floor = timed(queues, marks, k -> floors.get(k)::insert);
                done.add(new Round(queues.size(), synced, floor));
                Log.info(String.format("   round %d/%d: %,d marks at %,d stations; SyncPollBook %,.0f marks/s,"
                        + " unnest floor %,.0f marks/s", round, rounds, marks, queues.size(), synced.perSecond(),
                        floor.perSecond()));
            }
            return new Figures(clients, marksPerRound, done,
                    uploads.stream().mapToLong(PollBookUploads::recorded).sum(),
                    uploads.stream().mapToLong(PollBookUploads::notRecorded).sum());
        } finally {
            channels.forEach(Channels::close);
            for (UnnestFloor floor : floors) {
                floor.close();
            }
        }
    }

    /** The next voters of the roll, queued at their stations' poll books. */
    private List<PollBookUploads.StationQueue> nextQueues(int round) {
        Map<String, List<PollBookUploads.StationQueue.Mark>> byStation = new LinkedHashMap<>();
        for (int i = 0; i < marksPerRound; i++) {
            long index = cursor.next();
            if (index < 0) {
                throw new IllegalStateException("the roll ran out of unmarked voters; use more --voters");
            }
            SyntheticVoter voter = voters.voter(index);
            byStation.computeIfAbsent(voter.stationCode(), s -> new ArrayList<>())
                    .add(new PollBookUploads.StationQueue.Mark(voter.nationalId(), "pb-" + index));
        }
        List<PollBookUploads.StationQueue> queues = new ArrayList<>();
        byStation.forEach((station, marks) -> queues.add(
                new PollBookUploads.StationQueue(station, "device-" + station + "-" + round, marks)));
        return queues;
    }

    /** Works through every queue with one thread per client; the time it took. */
    private Side timed(List<PollBookUploads.StationQueue> queues, long marks,
            IntFunction<Work> workOfClient) throws InterruptedException {
        Queue<PollBookUploads.StationQueue> pending = new ConcurrentLinkedQueue<>(queues);
        LongAdder failures = new LongAdder();
        AtomicReference<Throwable> first = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        CpuMeter.Window window = cpu.open();
        long start = System.nanoTime();
        for (int k = 0; k < clients; k++) {
            Work work = workOfClient.apply(k);
            Thread thread = new Thread(() -> {
                for (PollBookUploads.StationQueue queue; (queue = pending.poll()) != null; ) {
                    try {
                        work.apply(queue);
                    } catch (Exception e) {
                        failures.increment();
                        first.compareAndSet(null, e);
                    }
                }
            }, "pollbook-" + k);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        long nanos = System.nanoTime() - start;
        return new Side(marks, nanos, failures.sum(), first.get(), window.close());
    }
}
