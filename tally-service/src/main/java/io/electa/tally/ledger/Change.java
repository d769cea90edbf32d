package io.electa.tally.ledger;

/** A decided change, placed in the chain: it may still refuse (e.g. a stale expected sequence). */
@FunctionalInterface
public interface Change<R> {
    Outcome<R> at(Slot slot);

    /** A change that refuses with {@code failure} wherever it is placed. */
    static <R> Change<R> refusing(Throwable failure) {
        return slot -> {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        };
    }
}
