package io.electa.tally.export;

/** By ballot order; partyName empty when self-nominated. */
public record ExportCandidate(String candidateCode, String fullName, String partyName, int ballotOrder) {}
