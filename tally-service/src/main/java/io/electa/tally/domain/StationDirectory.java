package io.electa.tally.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** An election's districts and stations as the registry lists them, ordered by code. */
public final class StationDirectory {
    private final Map<String, String> districtNames;
    private final Map<String, String> districtOfStation;
    private final Map<String, Integer> stationsPerDistrict;

    public StationDirectory(Map<String, String> districtNames, Map<String, String> districtOfStation) {
        this.districtNames = Collections.unmodifiableMap(new TreeMap<>(districtNames));
        this.districtOfStation = Collections.unmodifiableMap(new TreeMap<>(districtOfStation));
        Map<String, Integer> counts = new LinkedHashMap<>();
        this.districtNames.keySet().forEach(d -> counts.put(d, 0));
        this.districtOfStation.values().forEach(d -> counts.merge(d, 1, Integer::sum));
        this.stationsPerDistrict = Collections.unmodifiableMap(counts);
    }

    public boolean hasDistrict(String districtCode) {
        return districtNames.containsKey(districtCode);
    }

    /** The station's district, or null for a station the registry does not know. */
    public String districtOf(String stationCode) {
        return districtOfStation.get(stationCode);
    }

    public String districtName(String districtCode) {
        return districtNames.getOrDefault(districtCode, districtCode);
    }

    /** District codes in order. */
    public List<String> districts() {
        return List.copyOf(districtNames.keySet());
    }

    /** Station codes in order, of one district or (null) of the nation. */
    public List<String> stations(String districtCode) {
        return districtOfStation.entrySet().stream()
                .filter(e -> districtCode == null || e.getValue().equals(districtCode))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Stations of one district, or (null) of the nation. */
    public int stationCount(String districtCode) {
        return districtCode == null ? districtOfStation.size() : stationsPerDistrict.getOrDefault(districtCode, 0);
    }
}
