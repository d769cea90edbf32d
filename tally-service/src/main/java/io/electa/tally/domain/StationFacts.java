package io.electa.tally.domain;

/**
 * What the registry says about one station at one moment: its district, its frozen roll size
 * and how many voters were marked there (absentee voters included).
 */
public record StationFacts(String stationCode, String districtCode, long registered, long marked) {
}
