package io.electa.scenario;

import io.electa.roll.NationalId;
import java.time.LocalDate;

/**
 * The synthetic national roll. Voter number {@code i} (0 &le; i &lt; count) is a pure function of
 * the seed and {@code i} (a SplitMix64 stream), so the very same roll can be produced twice, once
 * for gRPC and once for COPY, without ever being held in memory, and any voter can be produced
 * again later (to mark it at its station) without a lookup.
 *
 * <p>National IDs are unique: the payload is {@code (i * stride + offset) mod 10^9} with a
 * stride coprime to 10^9, a one-to-one map that scatters consecutive voters over the ID space.
 * Every voter is 18 to 100 years old on election day; stations are drawn uniformly.
 */
public final class VoterGenerator {
    private static final long ID_SPACE = NationalId.MAX_PAYLOAD + 1L;
    /** 3^18: coprime to 10^9, so voter number to payload is one-to-one below 10^9 voters. */
    private static final long ID_STRIDE = 387_420_489L;
    private final long seed;
    private final long count;
    private final Geography geography;
    private final long idOffset;
    private final long oldestBirthDay;
    private final long birthDays;

    public VoterGenerator(long seed, long count, Geography geography, LocalDate electionDay) {
        if (count < 0 || count > ID_SPACE) {
            throw new IllegalArgumentException("at most " + ID_SPACE + " voters");
        }
        this.seed = seed;
        this.count = count;
        this.geography = geography;
        this.idOffset = Math.floorMod(mix(seed, -1), ID_SPACE);
        LocalDate youngest = electionDay.minusYears(18);
        this.oldestBirthDay = electionDay.minusYears(100).plusDays(1).toEpochDay();
        this.birthDays = youngest.toEpochDay() - oldestBirthDay + 1;
    }

    public long count() {
        return count;
    }

    /** Voter number {@code index}, always the same for the same seed. */
    public SyntheticVoter voter(long index) {
        requireVoter(index);
        long a = mix(seed, 2 * index);
        long b = mix(seed, 2 * index + 1);
        int payload = payload(index);
        LocalDate birth = LocalDate.ofEpochDay(oldestBirthDay + Long.remainderUnsigned(a >>> 32, birthDays));
        String station = geography.stationCode((int) Long.remainderUnsigned(b, geography.stations()));
        return new SyntheticVoter(NationalId.of(payload), Names.family(a), Names.given(a >>> 20), birth, station);
    }

    /** Voter {@code index}'s national ID alone (cheaper than {@link #voter}). */
    public String nationalId(long index) {
        requireVoter(index);
        return NationalId.of(payload(index));
    }

    private void requireVoter(long index) {
        if (index < 0 || index >= count) {
            throw new IndexOutOfBoundsException(index);
        }
    }

    private int payload(long index) {
        return (int) ((index * ID_STRIDE + idOffset) % ID_SPACE);
    }

    /** The number of voter {@code index}'s station in the geography (cheaper than {@link #voter}). */
    public int stationNumber(long index) {
        requireVoter(index);
        return (int) Long.remainderUnsigned(mix(seed, 2 * index + 1), geography.stations());
    }

    /** SplitMix64: the {@code n}-th value of the stream seeded with {@code seed}. */
    private static long mix(long seed, long n) {
        long z = seed + (n + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
