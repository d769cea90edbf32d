package io.electa.registry.importing;

/** A station row as received. */
public record ImportedStation(String stationCode, String districtCode, String name, String address) {
}
