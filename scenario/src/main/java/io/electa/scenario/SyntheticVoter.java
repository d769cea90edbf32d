package io.electa.scenario;

import java.time.LocalDate;

/** One generated voter, in the shape of a row of the registry's {@code voter} table. */
public record SyntheticVoter(String nationalId, String familyName, String givenName, LocalDate dateOfBirth,
        String stationCode) {
}
