package io.electa.tally.domain;

/**
 * Running sums of one district: what its counted protocols add up to (their {@code stations}
 * are the stations reported) and how many of its stations are excluded.
 */
public record DistrictTotals(String districtCode, Contribution counted, long excluded) {

    public static DistrictTotals zero(String districtCode) {
        return new DistrictTotals(districtCode, Contribution.none(), 0);
    }

    /** These sums plus {@code other}'s (the nation is the sum of its districts). */
    public DistrictTotals plus(DistrictTotals other, String scope) {
        return new DistrictTotals(scope, counted.plus(other.counted), excluded + other.excluded);
    }

    /** Stations whose protocol counts. */
    public long reported() {
        return counted.stations();
    }

    /** Votes of the candidate at {@code index} in ballot order (0 when none were counted). */
    public long votesOf(int index) {
        return index < counted.votes().length ? counted.votes()[index] : 0;
    }
}
