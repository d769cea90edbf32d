package io.electa.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * A fixed number of closed-loop clients, each on its own thread, each sending its next call as
 * soon as the previous one answered. The clients take their voters from a shared
 * {@link VoterCursor}, so no two calls ever touch the same voter, and a later run goes on where
 * the last one stopped. Calls that complete during the warm-up are not measured; the throughput
 * counts the calls completed inside the measured window, whose latencies go into an HdrHistogram
 * and whose CPU the {@link CpuMeter} reads.
 */
final class ClosedLoopLoad {

    /** One client: performs the call for one voter; a thrown exception counts as an error. */
    interface Client extends AutoCloseable {
        void call(long voterIndex) throws Exception;
    }

    /** Opens client number {@code k} (0-based) with its own connection. */
    interface ClientFactory {
        Client open(int k) throws Exception;
    }

    private static final int WARMING_UP = 0;
    private static final int MEASURING = 1;
    private static final int STOPPED = 2;

    private final int clients;
    private final VoterCursor voters;
    private final CpuMeter cpu;
    private final Recorder latencies = new Recorder(3);
    private final Duration warmup;
    private final Duration window;
    private final AtomicInteger stage = new AtomicInteger(WARMING_UP);
    private final LongAdder[] completed = {new LongAdder(), new LongAdder(), new LongAdder()};
    private final LongAdder errors = new LongAdder();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();
    private final AtomicBoolean exhausted = new AtomicBoolean();

    ClosedLoopLoad(int clients, VoterCursor voters, CpuMeter cpu, Duration warmup, Duration window) {
        this.clients = clients;
        this.voters = voters;
        this.cpu = cpu;
        this.warmup = warmup;
        this.window = window;
    }

    /** Opens the clients, runs warm-up and window, stops and closes them. Use once. */
    LoadResult run(String name, ClientFactory factory) throws Exception {
        List<Client> opened = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        try {
            for (int k = 0; k < clients; k++) {
                opened.add(factory.open(k));
            }
            for (int k = 0; k < clients; k++) {
                Client client = opened.get(k);
                Thread thread = new Thread(() -> work(client), name + "-" + k);
                threads.add(thread);
                thread.start();
            }
            Thread.sleep(warmup.toMillis());
            latencies.reset();
            CpuMeter.Window measured = cpu.open();
            stage.set(MEASURING);
            long start = System.nanoTime();
            Thread.sleep(window.toMillis());
            stage.set(STOPPED);
            long elapsed = System.nanoTime() - start;
            CpuMeter.CpuUse used = measured.close();
            for (Thread thread : threads) {
                thread.join();
            }
            long total = completed[WARMING_UP].sum() + completed[MEASURING].sum() + completed[STOPPED].sum();
            return new LoadResult(completed[MEASURING].sum(), elapsed, total, errors.sum(), firstError.get(),
                    exhausted.get(), latencies.getIntervalHistogram(), used);
        } finally {
            stage.set(STOPPED);
            for (Thread thread : threads) {
                thread.join();
            }
            for (Client client : opened) {
                client.close();
            }
        }
    }

    private void work(Client client) {
        while (stage.get() != STOPPED) {
            long index = voters.next();
            if (index < 0) {
                exhausted.set(true);
                return;
            }
            try {
                long start = System.nanoTime();
                client.call(index);
                long took = System.nanoTime() - start;
                int at = stage.get();
                completed[at].increment();
                if (at == MEASURING) {
                    latencies.recordValue(took);
                }
            } catch (Exception e) {
                errors.increment();
                firstError.compareAndSet(null, e);
            }
        }
    }
}
