package io.electa.registry.domain;

import java.time.Instant;

/** The record that a voter received a ballot, and who recorded it (the caller's subject). */
public record VoteMark(String electionId, String nationalId, String stationCode, Instant markedAt,
        String requestId, boolean absentee, String markedBy) {
}
