package io.electa.benchmarks;

import java.util.Arrays;
import java.util.Locale;

/** The median of several rounds' figures, with the lowest and highest (their spread). */
record Spread(double median, double min, double max, int rounds) {

    static Spread of(double... values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Spread(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    /** e.g. "1,234 (1,100-1,310)" with {@code decimals} digits after the point. */
    String format(int decimals) {
        String number = "%,." + decimals + "f";
        return String.format(Locale.ROOT, number + " (" + number + "-" + number + ")", median, min, max);
    }
}
