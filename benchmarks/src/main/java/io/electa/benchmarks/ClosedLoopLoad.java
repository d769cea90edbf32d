package io.electa.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import org.HdrHistogram.Recorder;

/**
 * A fixed number of closed-loop clients, each sending its next call as soon as the previous one
 * answered. A blocking client (JDBC) runs on a thread of its own; an asynchronous client (gRPC)
 * sends its next call from the completion of the last one, on the transport's own threads, so
 * that the load generator spends its CPU on calls rather than on waking threads: it shares the
 * machine with the service it measures. The clients take their voters from a shared
 * {@link VoterCursor}, so no two calls ever touch the same voter, and a later run goes on where
 * the last one stopped. Calls that complete during the warm-up are not measured; the throughput
 * counts the calls completed inside the measured window, whose latencies go into an HdrHistogram
 * and whose CPU the {@link CpuMeter} reads.
 */
final class ClosedLoopLoad {

    /** A blocking client: performs the call for one voter; a thrown exception counts as an error. */
    interface Client extends AutoCloseable {
        void call(long voterIndex) throws Exception;
    }

    /**
     * An asynchronous client: starts the call for one voter and tells {@code done} once, from any
     * thread, when it completed: with null, or with the error.
     */
    interface AsyncClient extends AutoCloseable {
        void start(long voterIndex, Consumer<Throwable> done);
    }

    /** Opens client number {@code k} (0-based) with its own connection. */
    interface ClientFactory<C extends AutoCloseable> {
        C open(int k) throws Exception;
    }

    private static final int WARMING_UP = 0;
    private static final int MEASURING = 1;
    private static final int STOPPED = 2;
    private static final long STOP_WAIT_SECONDS = 60;

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

    /** Runs blocking clients, one thread each, through warm-up and window; stops and closes them. Use once. */
    LoadResult run(String name, ClientFactory<Client> factory) throws Exception {
        List<Client> opened = open(factory);
        List<Thread> threads = new ArrayList<>();
        try {
            for (int k = 0; k < clients; k++) {
                Client client = opened.get(k);
                Thread thread = new Thread(() -> work(client), name + "-" + k);
                threads.add(thread);
                thread.start();
            }
            return measure(() -> {
                for (Thread thread : threads) {
                    thread.join();
                }
            });
        } finally {
            stage.set(STOPPED);
            for (Thread thread : threads) {
                thread.join();
            }
            closeAll(opened);
        }
    }

    /** Runs asynchronous clients, one call in flight each, through warm-up and window; stops and closes them. Use once. */
    LoadResult runAsync(ClientFactory<AsyncClient> factory) throws Exception {
        List<AsyncClient> opened = open(factory);
        CountDownLatch finished = new CountDownLatch(clients);
        try {
            for (AsyncClient client : opened) {
                next(client, finished);
            }
            return measure(() -> awaitStopped(finished));
        } finally {
            stage.set(STOPPED);
            awaitStopped(finished);
            closeAll(opened);
        }
    }

    private interface Stopping {
        void awaitAll() throws InterruptedException;
    }

    private LoadResult measure(Stopping stopping) throws InterruptedException {
        Thread.sleep(warmup.toMillis());
        latencies.reset();
        CpuMeter.Window measured = cpu.open();
        stage.set(MEASURING);
        long start = System.nanoTime();
        Thread.sleep(window.toMillis());
        stage.set(STOPPED);
        long elapsed = System.nanoTime() - start;
        CpuMeter.CpuUse used = measured.close();
        stopping.awaitAll();
        long total = completed[WARMING_UP].sum() + completed[MEASURING].sum() + completed[STOPPED].sum();
        return new LoadResult(completed[MEASURING].sum(), elapsed, total, errors.sum(), firstError.get(),
                exhausted.get(), latencies.getIntervalHistogram(), used);
    }

    private <C extends AutoCloseable> List<C> open(ClientFactory<C> factory) throws Exception {
        List<C> opened = new ArrayList<>();
        try {
            for (int k = 0; k < clients; k++) {
                opened.add(factory.open(k));
            }
            return opened;
        } catch (Exception e) {
            closeAll(opened);
            throw e;
        }
    }

    private static void closeAll(List<? extends AutoCloseable> opened) throws Exception {
        for (AutoCloseable client : opened) {
            client.close();
        }
    }

    private static void awaitStopped(CountDownLatch finished) throws InterruptedException {
        if (!finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("calls still unanswered " + STOP_WAIT_SECONDS + " s after the window closed");
        }
    }

    private void work(Client client) {
        while (stage.get() != STOPPED) {
            long index = voters.next();
            if (index < 0) {
                exhausted.set(true);
                return;
            }
            long start = System.nanoTime();
            try {
                client.call(index);
                account(start, null);
            } catch (Exception e) {
                account(start, e);
            }
        }
    }

    /** Starts {@code client}'s next call, or counts it finished when the load stops or the voters run out. */
    private void next(AsyncClient client, CountDownLatch finished) {
        if (stage.get() == STOPPED) {
            finished.countDown();
            return;
        }
        long index = voters.next();
        if (index < 0) {
            exhausted.set(true);
            finished.countDown();
            return;
        }
        long start = System.nanoTime();
        Thread caller = Thread.currentThread();
        client.start(index, error -> {
            account(start, error);
            if (error != null && Thread.currentThread() == caller) {
                // failed before start returned: go on elsewhere rather than deeper in this stack
                ForkJoinPool.commonPool().execute(() -> next(client, finished));
            } else {
                next(client, finished);
            }
        });
    }

    private void account(long start, Throwable error) {
        if (error != null) {
            errors.increment();
            firstError.compareAndSet(null, error);
            return;
        }
        long took = System.nanoTime() - start;
        int at = stage.get();
        completed[at].increment();
        if (at == MEASURING) {
            latencies.recordValue(took);
        }
    }
}
