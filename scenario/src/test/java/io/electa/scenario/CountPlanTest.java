package io.electa.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.electa.client.figures.Percent;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CountPlanTest {

    @Test
    void nationalSumsPublishExactlyTheTargetsWhateverTheSeedAndRoll() {
        qt().withExamples(200).forAll(longs().all(), integers().between(20, 400), integers().between(2, 6))
                .checkAssert((seed, stations, candidates) -> {
                    long[] rolls = rolls(seed, stations);
                    CountPlan plan = CountPlan.of(seed, rolls, candidates, Targets.REFERENCE);
                    assertThat(Percent.of(plan.marked(), plan.registered())).isEqualTo("76.73");
                    assertThat(Percent.of(plan.votes(0), plan.valid())).isEqualTo("92.12");
                    assertThat(plan.registered()).isEqualTo(java.util.Arrays.stream(rolls).sum());
                });
    }

    @Test
    void everyStationsCountSatisfiesTheControlRelations() {
        qt().withExamples(100).forAll(longs().all(), integers().between(20, 300)).checkAssert((seed, stations) -> {
            CountPlan plan = CountPlan.of(seed, rolls(seed, stations), 4, Targets.REFERENCE);
            for (StationCount c : plan.stations()) {
                assertThat(c.issuedOnDay()).isNotNegative();
                assertThat(c.issuedMobile()).isNotNegative();
                assertThat(c.cancelled()).isNotNegative();
                assertThat(c.invalid()).isNotNegative();
                assertThat(java.util.Arrays.stream(c.votes()).min().orElse(0)).isNotNegative();
                assertThat(c.marked()).as("CR5: issued <= registered").isLessThanOrEqualTo(c.registered());
                assertThat(c.valid() + c.invalid()).as("CR3: found = valid + invalid").isEqualTo(c.marked());
                assertThat(c.received()).as("CR1").isEqualTo(c.marked() + c.cancelled());
            }
        });
    }

    @Test
    void theSameSeedPlansTheSameCount() {
        long[] rolls = rolls(7, 120);
        assertThat(CountPlan.of(7, rolls, 4, Targets.REFERENCE).stations())
                .isEqualTo(CountPlan.of(7, rolls, 4, Targets.REFERENCE).stations())
                .isNotEqualTo(CountPlan.of(8, rolls, 4, Targets.REFERENCE).stations());
    }

    @Test
    void theCountForAPercentRoundsToItOnceTheTotalIsLargeEnough() {
        qt().forAll(longs().between(10_000, 10_000_000_000L), integers().between(0, 10_000))
                .checkAssert((total, hundredths) -> {
                    String percent = String.format("%d.%02d", hundredths / 100, hundredths % 100);
                    assertThat(Percent.of(Percent.countFor(percent, total), total)).isEqualTo(percent);
                });
    }

    /** Roll sizes of 700 to 1,500 voters a station: at least 14,000 voters, enough for exact targets. */
    private static long[] rolls(long seed, int stations) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] rolls = new long[stations];
        for (int s = 0; s < stations; s++) {
            rolls[s] = random.nextLong(700, 1_500);
        }
        return rolls;
    }
}
