package io.electa.site.snapshot;

import io.electa.observer.v1.StationCount;
import io.electa.observer.v1.Statistics;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The observers' reports and incidents by station, as the observer service's GetStatistics
 * published them when read; unavailable when it did not answer.
 *
 * @param byStation the stations with at least one report, by code; empty when unavailable
 */
public record Observation(Optional<Map<String, StationCount>> byStation, Instant readAt) {

    static Observation published(Statistics statistics, Instant readAt) {
        return new Observation(Optional.of(statistics.getByStationList().stream()
                .collect(Collectors.toUnmodifiableMap(StationCount::getStationCode, Function.identity()))), readAt);
    }

    static Observation unavailable(Instant readAt) {
        return new Observation(Optional.empty(), readAt);
    }

    /** One station's reports and incidents (zero for a station without a report); empty when unavailable. */
    public Optional<StationCount> station(String stationCode) {
        return byStation.map(counts -> counts.getOrDefault(stationCode,
                StationCount.newBuilder().setStationCode(stationCode).build()));
    }
}
