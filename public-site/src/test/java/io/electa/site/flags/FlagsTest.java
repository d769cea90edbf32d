package io.electa.site.flags;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.site.figures.StationFigures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlagsTest {
    private static final FlagSettings DEFAULTS = new FlagSettings() {
        @Override
        public double outlierPoints() {
            return 20;
        }

        @Override
        public int minDistrictStations() {
            return 3;
        }

        @Override
        public double highTurnout() {
            return 95;
        }

        @Override
        public double oneCandidateShare() {
            return 85;
        }

        @Override
        public int lastDigitsMinCounts() {
            return 50;
        }

        @Override
        public double lastDigitsCritical() {
            return 21.67;
        }
    };
    private final Flags flags = new Flags(DEFAULTS);

    /** A station of district D with {@code registered} voters, {@code issued} ballots, all valid, split as {@code votes}. */
    private static StationFigures station(String code, String district, long registered, long issued, long... votes) {
        return new StationFigures(code, district, registered, issued, issued, votes[0], votes);
    }

    @Test
    void oneCandidateWithNearlyEveryVoteAtAVeryHighTurnoutIsFlaggedWithThatRule() {
        List<Flag> raised = flags.of(List.of(station("S1", "D1", 100, 100, 100, 0),
                station("S2", "D2", 100, 96, 60, 36)));

        assertThat(raised).extracting(Flag::stationCode, Flag::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S1", FlagRule.ONE_CANDIDATE_AT_HIGH_TURNOUT));
        assertThat(raised.get(0).observed()).isEqualTo("turnout 100.00 %, one candidate 100.00 %");
    }

    @Test
    void aTurnoutFarFromItsDistrictsMedianIsFlagged() {
        List<Flag> raised = flags.of(List.of(station("S1", "D1", 100, 60, 30, 30),
                station("S2", "D1", 100, 62, 31, 31), station("S3", "D1", 100, 58, 29, 29),
                station("S4", "D1", 100, 90, 45, 45)));

        assertThat(raised).extracting(Flag::stationCode, Flag::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("S4", FlagRule.TURNOUT_OUTLIER));
        assertThat(raised.get(0).observed()).isEqualTo("turnout 90.00 %, district median 61.00 %");
    }

    @Test
    void aDistrictWithTooFewCountedStationsHasNoMedianToCompareWith() {
        assertThat(flags.of(List.of(station("S1", "D1", 100, 20, 10, 10), station("S2", "D1", 100, 80, 40, 40))))
                .isEmpty();
    }

    @Test
    void voteCountsThatAllEndInZeroFailTheLastDigitTestForEveryStationOfTheDistrict() {
        List<StationFigures> district = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            district.add(station(String.format("S%02d", i), "D1", 1000, 600, 300, 300));
        }

        List<Flag> raised = flags.of(district);

        assertThat(raised).hasSize(30).allMatch(f -> f.rule() == FlagRule.LAST_DIGITS);
        assertThat(raised.get(0).observed()).startsWith("chi-square 540.00 over 60 vote counts");
    }

    @Test
    void lastDigitsSpreadEvenlyPassTheTest() {
        List<StationFigures> district = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            district.add(station(String.format("S%02d", i), "D1", 1000, 600, 290 + i % 10, 300 + (i + 5) % 10));
        }

        assertThat(flags.of(district)).isEmpty();
    }
}
