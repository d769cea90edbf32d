package io.electa.registry.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/** A date as sent (year, month, day), possibly unset (all zero) or not a real date. */
public record CalendarDate(int year, int month, int day) {
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    public boolean isUnset() {
        return year == 0 && month == 0 && day == 0;
    }

    /** The date, if it is a real calendar date between 1900 and 2999. */
    public Optional<LocalDate> toLocalDate() {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(year, month, day));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
