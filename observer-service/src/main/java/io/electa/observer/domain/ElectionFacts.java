package io.electa.observer.domain;

import java.time.LocalDate;

/** What this service needs to know of a registry election. */
public record ElectionFacts(String electionId, LocalDate electionDay, Phase phase) {

    /** The registry's election status. */
    public enum Phase {
        SCHEDULED, ROLL_FROZEN, POLLING, CLOSED;

        /** Polling or counting: observers may file reports. */
        public boolean pollsOpened() {
            return this == POLLING || this == CLOSED;
        }
    }
}
