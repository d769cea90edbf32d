package io.electa.tally.domain;

import java.util.Arrays;

/** Running sums over the counted protocols of one district; votes in ballot order. */
public record DistrictTotals(String districtCode, long registered, long issued, long found, long valid,
        long invalid, long reported, long excluded, long[] votes) {

    public static DistrictTotals zero(String districtCode, int candidates) {
        return new DistrictTotals(districtCode, 0, 0, 0, 0, 0, 0, 0, new long[candidates]);
    }

    /** These sums plus {@code other}'s (the nation is the sum of its districts). */
    public DistrictTotals plus(DistrictTotals other, String scope) {
        long[] sum = Arrays.copyOf(votes, Math.max(votes.length, other.votes.length));
        for (int i = 0; i < other.votes.length; i++) {
            sum[i] += other.votes[i];
        }
        return new DistrictTotals(scope, registered + other.registered, issued + other.issued, found + other.found,
                valid + other.valid, invalid + other.invalid, reported + other.reported, excluded + other.excluded,
                sum);
    }

    /** Votes of the candidate at {@code index} in ballot order (0 when none were counted). */
    public long votesOf(int index) {
        return index < votes.length ? votes[index] : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DistrictTotals t && districtCode.equals(t.districtCode) && registered == t.registered
                && issued == t.issued && found == t.found && valid == t.valid && invalid == t.invalid
                && reported == t.reported && excluded == t.excluded && Arrays.equals(votes, t.votes);
    }

    @Override
    public int hashCode() {
        return districtCode.hashCode() * 31 + Arrays.hashCode(votes);
    }

    @Override
    public String toString() {
        return "DistrictTotals[" + districtCode + ": registered=" + registered + ", issued=" + issued + ", found="
                + found + ", valid=" + valid + ", invalid=" + invalid + ", reported=" + reported + ", excluded="
                + excluded + ", votes=" + Arrays.toString(votes) + "]";
    }
}
