package io.electa.scenario;

import io.electa.client.figures.Percent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What every station marks and counts in the reference election, deterministic from a seed.
 * Stations differ (turnout, invalid ballots, the winner's share vary from station to station),
 * yet the national sums publish exactly the targets: the number of voters marked is the one whose
 * share of the roll rounds to the target turnout, and the winner's votes the number whose share
 * of the valid ballots rounds to the target share. No ballot is issued early, so turnout is the
 * same in the registry (marks) and in the tally (ballots issued).
 */
public final class CountPlan {
    /** How far a station's turnout and winner's share stray from the national figure. */
    private static final double SPREAD = 0.06;

    private final List<StationCount> stations;

    private CountPlan(List<StationCount> stations) {
        this.stations = List.copyOf(stations);
    }

    /**
     * The plan for stations with these frozen roll sizes (by station number) and this many
     * candidates (the winner first).
     *
     * @throws IllegalArgumentException when the roll is too small for the targets to be met exactly
     */
    public static CountPlan of(long seed, long[] rollSizes, int candidates, Targets targets) {
        if (candidates < 2) {
            throw new IllegalArgumentException("a contest needs at least two candidates");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int n = rollSizes.length;
        long voted = Percent.countFor(targets.turnout(), sum(rollSizes));
        long[] marked = spread(random, rollSizes, rollSizes, voted);
        long[] invalid = new long[n];
        long[] valid = new long[n];
        for (int s = 0; s < n; s++) {
            invalid[s] = Math.round(marked[s] * random.nextDouble(0.004, 0.02));
            valid[s] = marked[s] - invalid[s];
        }
        long winnerVotes = Percent.countFor(targets.winnerShare(), sum(valid));
        long[] winner = spread(random, valid, valid, winnerVotes);
        List<StationCount> counts = new ArrayList<>(n);
        for (int s = 0; s < n; s++) {
            long mobile = Math.round(marked[s] * random.nextDouble(0.0, 0.05));
            long received = roundUp(marked[s] + 5 + random.nextInt(25), 25);
            counts.add(new StationCount(s, rollSizes[s], marked[s] - mobile, mobile, received - marked[s], invalid[s],
                    votes(random, winner[s], valid[s] - winner[s], candidates)));
        }
        return new CountPlan(counts);
    }

    /** The stations' counts, by station number. */
    public List<StationCount> stations() {
        return stations;
    }

    public StationCount station(int station) {
        return stations.get(station);
    }

    public long registered() {
        return stations.stream().mapToLong(StationCount::registered).sum();
    }

    /** Voters marked nationally (= ballots issued). */
    public long marked() {
        return stations.stream().mapToLong(StationCount::marked).sum();
    }

    public long valid() {
        return stations.stream().mapToLong(StationCount::valid).sum();
    }

    /** Valid votes of candidate {@code candidate} (ballot order) nationally. */
    public long votes(int candidate) {
        return stations.stream().mapToLong(c -> c.votes()[candidate]).sum();
    }

    /**
     * Counts that follow the shares {@code total / sum(weights)} station by station with some
     * spread, at most {@code limits} each, and sum exactly to {@code total}.
     */
    private static long[] spread(SplittableRandom random, long[] weights, long[] limits, long total) {
        double share = total / (double) Math.max(1, sum(weights));
        long[] counts = new long[weights.length];
        for (int s = 0; s < weights.length; s++) {
            double local = Math.min(1.0, Math.max(0.0, share + random.nextDouble(-SPREAD, SPREAD)));
            counts[s] = Math.min(limits[s], Math.round(weights[s] * local));
        }
        settle(random, counts, limits, total);
        return counts;
    }

    /** Moves counts by one at a time, in a random order of stations, until they sum to {@code total}. */
    private static void settle(SplittableRandom random, long[] counts, long[] limits, long total) {
        List<Integer> order = new ArrayList<>(counts.length);
        for (int s = 0; s < counts.length; s++) {
            order.add(s);
        }
        Collections.shuffle(order, new java.util.Random(random.nextLong()));
        long missing = total - sum(counts);
        while (missing != 0) {
            boolean moved = false;
            for (int s : order) {
                if (missing > 0 && counts[s] < limits[s]) {
                    counts[s]++;
                    missing--;
                    moved = true;
                } else if (missing < 0 && counts[s] > 0) {
                    counts[s]--;
                    missing++;
                    moved = true;
                }
                if (missing == 0) {
                    break;
                }
            }
            if (!moved) {
                throw new IllegalArgumentException("cannot reach a total of " + total + " within the limits");
            }
        }
    }

    /** The winner's votes first, then the rest shared by the other candidates, in falling order of support. */
    private static long[] votes(SplittableRandom random, long winner, long rest, int candidates) {
        long[] votes = new long[candidates];
        votes[0] = winner;
        double[] weights = new double[candidates];
        double sum = 0;
        for (int c = 1; c < candidates; c++) {
            weights[c] = random.nextDouble(0.5, 1.5) / c;
            sum += weights[c];
        }
        long given = 0;
        for (int c = 2; c < candidates; c++) {
            votes[c] = (long) Math.floor(rest * weights[c] / sum);
            given += votes[c];
        }
        votes[1] = rest - given;
        return votes;
    }

    private static long roundUp(long value, long unit) {
        return (value + unit - 1) / unit * unit;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            sum += value;
        }
        return sum;
    }
}
