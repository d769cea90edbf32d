package io.electa.tally.domain;

/** Where an election stands in the registry, as far as the tally cares. */
public enum ElectionPhase {
    /** Stations and voters may still change. */
    SCHEDULED,
    /** The roll is frozen: stations and roll sizes are final. */
    ROLL_FROZEN,
    /** Election day. */
    POLLING,
    /** Polls closed: counting. */
    CLOSED;

    /** The candidate list may change only before the polls open. */
    public boolean candidatesLocked() {
        return this == POLLING || this == CLOSED;
    }

    /** Protocols are taken once voting has started (stations may count early ballots) and after. */
    public boolean acceptsProtocols() {
        return this == POLLING || this == CLOSED;
    }

    /** The station set is final from the roll freeze on. */
    public boolean stationsFinal() {
        return this != SCHEDULED;
    }
}
