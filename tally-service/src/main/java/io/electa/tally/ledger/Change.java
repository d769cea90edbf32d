package io.electa.tally.ledger;

import java.util.function.Function;

/**
 * A decided change, placed in the chain: it may still refuse (e.g. a stale expected sequence).
 * Its key names what the decision was about (a station): two changes with one key never commit
 * in the same batch, since the second was decided without the first.
 */
public interface Change<R> {
    Outcome<R> at(Slot slot);

    /** What the decision was about, or null when it was about nothing a batch-mate could change. */
    String key();

    static <R> Change<R> of(String key, Function<Slot, Outcome<R>> at) {
        return new Change<>() {
            @Override
            public Outcome<R> at(Slot slot) {
                return at.apply(slot);
            }

            @Override
            public String key() {
                return key;
            }
        };
    }

    /** A change that refuses with {@code failure} wherever it is placed. */
    static <R> Change<R> refusing(Throwable failure) {
        return of(null, slot -> {
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failure);
        });
    }
}
