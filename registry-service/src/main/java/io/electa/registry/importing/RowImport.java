package io.electa.registry.importing;

import io.smallrye.mutiny.Uni;
import java.util.Optional;

/**
 * One import stream's rules and storage for rows of type {@code R}: rows are checked one by
 * one as they arrive and buffered; full batches are written while more rows arrive.
 */
public interface RowImport<R> {

    /** Loads what checking rows needs; fails NOT_FOUND or FAILED_PRECONDITION. */
    Uni<Void> begin(String electionId);

    /** Checks and buffers a row; a rejection leaves the buffer as it was. */
    Optional<Rejection> accept(long rowNumber, R row);

    /** Whether the buffer holds a full batch. */
    boolean batchFull();

    /** Whether the buffer holds any row. */
    boolean hasBuffered();

    /** Takes the buffered rows as a batch and writes them (the buffer starts empty again). */
    Uni<UpsertCounts> writeBuffered();

    /**
     * Makes every written batch durable, after the last one was written; answers the counts
     * not yet reported by {@link #writeBuffered()}. Batches that commit on their own report
     * nothing here.
     */
    default Uni<UpsertCounts> commit() {
        return Uni.createFrom().item(new UpsertCounts(0, 0, 0));
    }

    /** Gives up: nothing written and not yet committed stays. Safe to call more than once. */
    default void abort() {
    }
}
