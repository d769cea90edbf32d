package io.electa.registry.domain;

import io.electa.support.domain.Ratio;
import java.time.Instant;

/** Turnout of one scope at one moment. */
public record Turnout(String electionId, TurnoutScope scope, String districtCode, long registered,
        long voted, long stations, Instant asOf) {

    public Ratio ratio() {
        return new Ratio(voted, registered);
    }

    /** Same figures, regardless of when they were read. */
    public boolean sameFiguresAs(Turnout other) {
        return other != null && registered == other.registered && voted == other.voted
                && stations == other.stations;
    }
}
