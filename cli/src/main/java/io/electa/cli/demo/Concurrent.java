package io.electa.cli.demo;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.common.util.concurrent.SettableFuture;
import io.electa.cli.Services;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Many calls in flight, as many stations working at once: each task's call is retried with the
 * same request (the same request_id) while the answer is "try again"; the first other failure
 * stops the run and is thrown.
 */
final class Concurrent {
    private Concurrent() {
    }

    /**
     * Calls {@code call} for every task, at most {@code inFlight} at a time, and reports each
     * answered task to {@code done}.
     */
    static <T, A> void run(Iterator<T> tasks, int inFlight, Function<T, ListenableFuture<A>> call, LongConsumer done) {
        Semaphore window = new Semaphore(inFlight);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        while (tasks.hasNext() && failed.get() == null) {
            window.acquireUninterruptibly();
            send(tasks.next(), call, window, failed, done, 0);
        }
        window.acquireUninterruptibly(inFlight);
        if (failed.get() != null) {
            Throwable failure = failed.get();
            throw failure instanceof RuntimeException runtime ? runtime : new IllegalStateException(failure);
        }
    }

    /** {@link #run} for calls that answer with a CompletableFuture (client streams). */
    static <T, A> void runStreams(Iterator<T> tasks, int inFlight, Function<T, CompletableFuture<A>> call,
            LongConsumer done) {
        run(tasks, inFlight, task -> {
            SettableFuture<A> answer = SettableFuture.create();
            call.apply(task).whenComplete((value, failure) -> {
                if (failure != null) {
                    answer.setException(failure instanceof java.util.concurrent.CompletionException
                            && failure.getCause() != null ? failure.getCause() : failure);
                } else {
                    answer.set(value);
                }
            });
            return answer;
        }, done);
    }

    private static <T, A> void send(T task, Function<T, ListenableFuture<A>> call, Semaphore window,
            AtomicReference<Throwable> failed, LongConsumer done, int attempt) {
        Futures.addCallback(call.apply(task), new FutureCallback<A>() {
            @Override
            public void onSuccess(A answer) {
                done.accept(1);
                window.release();
            }

            @Override
            public void onFailure(Throwable failure) {
                if (Services.isTransient(failure) && attempt < 100) {
                    long pause = Math.min(2_000, 50L << Math.min(attempt, 5));
                    CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS)
                            .execute(() -> send(task, call, window, failed, done, attempt + 1));
                } else {
                    failed.compareAndSet(null, failure);
                    window.release();
                }
            }
        }, MoreExecutors.directExecutor());
    }
}
