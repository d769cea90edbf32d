package io.electa.observer.service;

import io.electa.observer.domain.AccreditationCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The accreditation calendar from configuration (zone, deadline days, counting days). */
public class CalendarSettings {

    @Produces
    @Singleton
    AccreditationCalendar calendar(@ConfigProperty(name = "electa.observer.zone") ZoneId zone,
            @ConfigProperty(name = "electa.observer.application-deadline-days") int deadlineDays,
            @ConfigProperty(name = "electa.observer.counting-days") int countingDays) {
        if (deadlineDays < 0 || countingDays < 0) {
            throw new IllegalArgumentException("deadline and counting days must not be negative");
        }
        return new AccreditationCalendar(zone, deadlineDays, countingDays);
    }
}
