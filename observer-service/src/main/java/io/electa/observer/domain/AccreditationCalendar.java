package io.electa.observer.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When applications close and badges expire, in the commission's time zone: applications close at
 * 00:00 of the day {@code deadlineDays} before election day; a badge is valid until 24:00 (the
 * start of the next day) of the counting day, election day plus {@code countingDays}.
 */
public record AccreditationCalendar(ZoneId zone, int deadlineDays, int countingDays) {

    public Instant applicationDeadline(LocalDate electionDay) {
        return electionDay.minusDays(deadlineDays).atStartOfDay(zone).toInstant();
    }

    public Instant validUntil(LocalDate electionDay) {
        return electionDay.plusDays(countingDays + 1L).atStartOfDay(zone).toInstant();
    }
}
