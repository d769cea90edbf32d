package io.electa.scenario;

import java.util.Arrays;

/**
 * One station's count as its commission writes it in the protocol. Every ballot issued on the
 * day (at the station or from the mobile box) belongs to a voter marked at the station, every
 * ballot issued is found in a box, and the rest of the ballots received are cancelled, so the
 * control relations hold.
 *
 * @param station the station's number (0-based) in the geography
 * @param registered voters on its frozen roll
 * @param issuedOnDay ballots issued at the station on election day
 * @param issuedMobile ballots issued from the mobile box
 * @param cancelled unused ballots cancelled
 * @param invalid invalid ballots found
 * @param votes valid votes per candidate, in ballot order (the winner first)
 */
public record StationCount(int station, long registered, long issuedOnDay, long issuedMobile, long cancelled,
        long invalid, long[] votes) {

    /** Voters marked at the station: ballots issued on the day, at the station and mobile. */
    public long marked() {
        return issuedOnDay + issuedMobile;
    }

    public long received() {
        return marked() + cancelled;
    }

    public long valid() {
        return Arrays.stream(votes).sum();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StationCount o && station == o.station && registered == o.registered
                && issuedOnDay == o.issuedOnDay && issuedMobile == o.issuedMobile && cancelled == o.cancelled
                && invalid == o.invalid && Arrays.equals(votes, o.votes);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(station) + Arrays.hashCode(votes);
    }

    @Override
    public String toString() {
        return "StationCount[" + station + ": registered " + registered + ", on day " + issuedOnDay + ", mobile "
                + issuedMobile + ", cancelled " + cancelled + ", invalid " + invalid + ", votes "
                + Arrays.toString(votes) + "]";
    }
}
