package io.electa.observer;

import io.electa.observer.service.ServiceClock;
import java.time.Duration;
import java.time.Instant;

/** The service clock moved by a fixed amount (install with QuarkusMock for one test). */
public class ShiftedClock extends ServiceClock {
    private final Duration shift;

    public ShiftedClock(Duration shift) {
        this.shift = shift;
    }

    @Override
    public Instant now() {
        return super.now().plus(shift);
    }
}
