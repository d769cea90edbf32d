package io.electa.support.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The service's clock, at the database's precision (microseconds). */
public final class Clock {
    private Clock() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
