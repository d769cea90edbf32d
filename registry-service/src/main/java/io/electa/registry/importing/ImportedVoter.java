package io.electa.registry.importing;

import io.electa.registry.domain.CalendarDate;

/** A voter row as received. */
public record ImportedVoter(String nationalId, String familyName, String givenName, CalendarDate dateOfBirth,
        String stationCode) {
}
