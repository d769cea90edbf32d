package io.electa.support.db;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Opportunistic group commit: what arrives while the database is busy is written together, in
 * one transaction, as soon as a writer is free. A batch never waits to fill: when a writer is
 * free the first item goes alone, and whatever queued meanwhile goes in the next batch (at most
 * {@code maxBatch} items, in arrival order). At most {@code writers} batches are in flight at
 * once.
 *
 * <p>The writer settles every item of its batch itself (answers its caller) and returns the items
 * it could not decide, which go first in the next batch. {@code joins} says whether an item may
 * join a batch already holding others (say, not a second item for the same key); the first item
 * that may not closes the batch. A batch that does not settle within {@code timeout} is handed
 * to {@code abandon}, which must answer its items, and the queue goes on.
 *
 * @param <T> a waiting item, holding what its caller is to be answered with
 */
public final class GroupCommit<T> {
    private final int maxBatch;
    private final int writers;
    private final BiPredicate<List<T>, T> joins;
    private final Function<List<T>, Uni<List<T>>> writer;
    private final Duration timeout;
    private final BiConsumer<List<T>, Throwable> abandon;
    private final Deque<T> waiting = new ArrayDeque<>();
    private int writing;

    public GroupCommit(int maxBatch, int writers, BiPredicate<List<T>, T> joins,
            Function<List<T>, Uni<List<T>>> writer, Duration timeout, BiConsumer<List<T>, Throwable> abandon) {
        if (maxBatch < 1 || writers < 1) {
            throw new IllegalArgumentException("a group commit needs at least one item per batch and one writer");
        }
        this.maxBatch = maxBatch;
        this.writers = writers;
        this.joins = joins;
        this.writer = writer;
        this.timeout = timeout;
        this.abandon = abandon;
    }

    /** Queues {@code item}; it is written in the next batch a free writer takes. */
    public void add(T item) {
        synchronized (this) {
            waiting.addLast(item);
        }
        writeNext();
    }

    private void writeNext() {
        List<T> batch = new ArrayList<>();
        synchronized (this) {
            if (writing >= writers) {
                return;
            }
            while (!waiting.isEmpty() && batch.size() < maxBatch
                    && (batch.isEmpty() || joins.test(batch, waiting.peekFirst()))) {
                batch.add(waiting.pollFirst());
            }
            if (batch.isEmpty()) {
                return;
            }
            writing++;
        }
        Uni<List<T>> written;
        try {
            written = writer.apply(batch);
        } catch (RuntimeException e) {
            written = Uni.createFrom().failure(e);
        }
        written.ifNoItem().after(timeout).fail()
                .subscribe().with(this::settled, failure -> {
                    abandon.accept(batch, failure);
                    settled(List.of());
                });
    }

    /** A batch is settled; {@code deferred} items go first next time. */
    private void settled(List<T> deferred) {
        synchronized (this) {
            writing--;
            for (int i = deferred.size() - 1; i >= 0; i--) {
                waiting.addFirst(deferred.get(i));
            }
        }
        writeNext();
    }
}
