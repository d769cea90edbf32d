package io.electa.registry.importing;

import java.util.Optional;

/** One rejected row: its 1-based position, its key as sent, why, and an explanation. */
public record Rejection(long rowNumber, String key, RejectionReason reason, String message) {

    /** The answer of {@link RowImport#accept} for a rejected row. */
    static Optional<Rejection> of(long rowNumber, String key, RejectionReason reason, String message) {
        return Optional.of(new Rejection(rowNumber, key, reason, message));
    }
}
