package io.electa.tally.ledger;

import java.time.Instant;

/** The place the next ledger entry of an election takes: known, and held, once its chain is locked. */
public record Slot(String electionId, long sequence, Instant recordTime) {
}
