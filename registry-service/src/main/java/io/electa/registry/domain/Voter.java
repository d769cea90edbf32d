package io.electa.registry.domain;

import java.time.LocalDate;

/** A voter's entry on an election's roll. */
public record Voter(String electionId, String nationalId, String familyName, String givenName,
        LocalDate dateOfBirth, String stationCode) {
}
