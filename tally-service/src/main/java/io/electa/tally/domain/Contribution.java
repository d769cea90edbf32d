package io.electa.tally.domain;

import io.electa.tally.v1.ProtocolFigures;
import java.util.Arrays;

/**
 * What one counted protocol adds to its district's totals (or, negated, takes away when it stops
 * counting). Candidate votes are in ballot order.
 */
public record Contribution(long registered, long issued, long found, long valid, long invalid, int stations,
        long[] votes) {

    /** The contribution of a protocol whose candidate votes are stored in ballot order. */
    public static Contribution of(ProtocolFigures f) {
        long[] votes = f.getCandidateVotesList().stream().mapToLong(v -> v.getVotes()).toArray();
        return new Contribution(f.getVotersRegistered(), ControlRelations.issued(f), ControlRelations.found(f),
                f.getBallotsValid(), f.getBallotsInvalid(), 1, votes);
    }

    /** Nothing: no figures, no station. */
    public static Contribution none() {
        return new Contribution(0, 0, 0, 0, 0, 0, new long[0]);
    }

    /** The same figures taken away. */
    public Contribution negate() {
        return new Contribution(-registered, -issued, -found, -valid, -invalid, -stations,
                Arrays.stream(votes).map(v -> -v).toArray());
    }

    /** Both contributions together (e.g. a correction: the new figures minus the old). */
    public Contribution plus(Contribution other) {
        long[] sum = Arrays.copyOf(votes, Math.max(votes.length, other.votes.length));
        for (int i = 0; i < other.votes.length; i++) {
            sum[i] += other.votes[i];
        }
        return new Contribution(registered + other.registered, issued + other.issued, found + other.found,
                valid + other.valid, invalid + other.invalid, stations + other.stations, sum);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Contribution c && registered == c.registered && issued == c.issued
                && found == c.found && valid == c.valid && invalid == c.invalid && stations == c.stations
                && Arrays.equals(votes, c.votes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(votes) * 31 + Long.hashCode(registered + issued + found + valid + invalid + stations);
    }

    @Override
    public String toString() {
        return "Contribution[registered=" + registered + ", issued=" + issued + ", found=" + found + ", valid=" + valid
                + ", invalid=" + invalid + ", stations=" + stations + ", votes=" + Arrays.toString(votes) + "]";
    }
}
