package io.electa.observer.domain;

/** A registry station: its code and district. */
public record StationFacts(String stationCode, String districtCode) {
}
