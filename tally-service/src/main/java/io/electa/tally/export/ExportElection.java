package io.electa.tally.export;

/** status is one of "unofficial-partial", "unofficial-complete", "certified". */
public record ExportElection(String electionId, String name, java.time.LocalDate electionDay, String status, java.time.Instant asOf, long ledgerSequence) {}
