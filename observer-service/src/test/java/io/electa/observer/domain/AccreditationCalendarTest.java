package io.electa.observer.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AccreditationCalendarTest {
    private static final LocalDate ELECTION_DAY = LocalDate.of(2027, 2, 7);

    @Test
    void applicationsCloseAtMidnightStartingTheDayNDaysBeforeElectionDay() {
        var calendar = new AccreditationCalendar(ZoneId.of("Europe/Minsk"), 5, 1);

        assertThat(calendar.applicationDeadline(ELECTION_DAY)).isEqualTo(Instant.parse("2027-02-01T21:00:00Z"));
    }

    @Test
    void badgesAreValidUntilTheEndOfTheCountingDay() {
        var calendar = new AccreditationCalendar(ZoneId.of("Europe/Minsk"), 5, 1);

        assertThat(calendar.validUntil(ELECTION_DAY)).isEqualTo(Instant.parse("2027-02-08T21:00:00Z"));
    }

    @Test
    void zeroCountingDaysEndsValidityWithElectionDay() {
        var calendar = new AccreditationCalendar(ZoneId.of("UTC"), 0, 0);

        assertThat(calendar.validUntil(ELECTION_DAY)).isEqualTo(Instant.parse("2027-02-08T00:00:00Z"));
        assertThat(calendar.applicationDeadline(ELECTION_DAY)).isEqualTo(Instant.parse("2027-02-07T00:00:00Z"));
    }
}
