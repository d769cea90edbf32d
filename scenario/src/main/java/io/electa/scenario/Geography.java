package io.electa.scenario;

/**
 * The benchmark's districts and polling stations: their codes, and which district each station
 * belongs to. Stations are dealt to districts in contiguous blocks of nearly equal size.
 */
public final class Geography {
    private final String[] districtCodes;
    private final String[] stationCodes;

    public Geography(int districts, int stations) {
        if (districts < 1 || stations < districts) {
            throw new IllegalArgumentException("need at least one district and one station per district");
        }
        districtCodes = new String[districts];
        for (int d = 0; d < districts; d++) {
            districtCodes[d] = String.format("D%04d", d + 1);
        }
        stationCodes = new String[stations];
        for (int s = 0; s < stations; s++) {
            stationCodes[s] = String.format("S%05d", s + 1);
        }
    }

    public int districts() {
        return districtCodes.length;
    }

    public int stations() {
        return stationCodes.length;
    }

    public String districtCode(int district) {
        return districtCodes[district];
    }

    public String stationCode(int station) {
        return stationCodes[station];
    }

    /** The district of a station (0-based numbers). */
    public int districtOf(int station) {
        return (int) ((long) station * districtCodes.length / stationCodes.length);
    }
}
