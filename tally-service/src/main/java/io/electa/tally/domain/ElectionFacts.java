package io.electa.tally.domain;

import java.time.LocalDate;

/** What the registry says about an election. */
public record ElectionFacts(String electionId, String name, LocalDate electionDay, ElectionPhase phase) {
}
