package io.electa.observer.service;

import io.electa.support.domain.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/** Now, as the observer rules see it (deadlines, badge validity); tests may move it. */
@ApplicationScoped
public class ServiceClock {
    public Instant now() {
        return Clock.now();
    }
}
