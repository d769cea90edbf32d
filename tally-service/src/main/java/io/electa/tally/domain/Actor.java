package io.electa.tally.domain;

/**
 * Who made a change, as recorded in the ledger. Authentication is not in place yet (see the
 * README): every change is recorded as made by {@link #UNAUTHENTICATED}.
 */
public final class Actor {
    public static final String UNAUTHENTICATED = "unauthenticated";

    private Actor() {
    }
}
