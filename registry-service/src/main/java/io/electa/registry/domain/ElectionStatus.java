package io.electa.registry.domain;

/** Lifecycle of an election; transitions only go forward. */
public enum ElectionStatus {
    SCHEDULED,
    ROLL_FROZEN,
    POLLING,
    CLOSED;

    /** Whether the roll (districts, stations, voters) may still change. */
    public boolean rollIsOpen() {
        return this == SCHEDULED;
    }
}
