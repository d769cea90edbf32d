package io.electa.site.flags;

import io.electa.site.figures.StationFigures;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/** Applies every {@link FlagRule} to the counted stations, district by district. */
@Singleton
public final class Flags {
    private final FlagSettings settings;

    public Flags(FlagSettings settings) {
        this.settings = settings;
    }

    /** Every flag raised on {@code stations}, by station code then rule. */
    public List<Flag> of(List<StationFigures> stations) {
        List<Flag> flags = new ArrayList<>();
        Map<String, List<StationFigures>> byDistrict = stations.stream()
                .collect(Collectors.groupingBy(StationFigures::districtCode, TreeMap::new, Collectors.toList()));
        for (List<StationFigures> district : byDistrict.values()) {
            flags.addAll(outliers(district, FlagRule.TURNOUT_OUTLIER, "turnout", StationFigures::turnout));
            flags.addAll(outliers(district, FlagRule.WINNER_SHARE_OUTLIER, "winner's share",
                    StationFigures::winnerShare));
            flags.addAll(lastDigits(district));
        }
        for (StationFigures s : stations) {
            if (s.turnout() >= settings.highTurnout() && s.topShare() > settings.oneCandidateShare()) {
                flags.add(new Flag(s.stationCode(), FlagRule.ONE_CANDIDATE_AT_HIGH_TURNOUT, String.format(Locale.ROOT,
                        "turnout %s %%, one candidate %.2f %%", s.turnoutPercent(), s.topShare())));
            }
        }
        flags.sort(Comparator.comparing(Flag::stationCode).thenComparing(Flag::rule));
        return List.copyOf(flags);
    }

    private List<Flag> outliers(List<StationFigures> district, FlagRule rule, String what,
            ToDoubleFunction<StationFigures> figure) {
        if (district.size() < settings.minDistrictStations()) {
            return List.of();
        }
        double median = median(district.stream().mapToDouble(figure).sorted().toArray());
        List<Flag> flags = new ArrayList<>();
        for (StationFigures s : district) {
            double value = figure.applyAsDouble(s);
            if (Math.abs(value - median) > settings.outlierPoints()) {
                flags.add(new Flag(s.stationCode(), rule, String.format(Locale.ROOT,
                        "%s %.2f %%, district median %.2f %%", what, value, median)));
            }
        }
        return flags;
    }

    /** Flags every station of a district whose vote counts' last digits are far from uniform. */
    private List<Flag> lastDigits(List<StationFigures> district) {
        int[] digits = new int[10];
        int n = 0;
        for (StationFigures s : district) {
            for (long votes : s.votes()) {
                if (votes >= 10) {
                    digits[(int) (votes % 10)]++;
                    n++;
                }
            }
        }
        if (n < settings.lastDigitsMinCounts()) {
            return List.of();
        }
        double chiSquare = chiSquare(digits, n);
        if (chiSquare <= settings.lastDigitsCritical()) {
            return List.of();
        }
        String observed = String.format(Locale.ROOT, "chi-square %.2f over %d vote counts of the district", chiSquare,
                n);
        return district.stream().map(s -> new Flag(s.stationCode(), FlagRule.LAST_DIGITS, observed)).toList();
    }

    static double chiSquare(int[] digits, int n) {
        double expected = n / 10.0;
        double sum = 0;
        for (int count : digits) {
            sum += (count - expected) * (count - expected) / expected;
        }
        return sum;
    }

    static double median(double[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
