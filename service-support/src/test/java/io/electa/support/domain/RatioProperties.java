package io.electa.support.domain;

import static io.electa.testing.Percentages.halfUp;
import static io.electa.testing.Percentages.hundredths;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Every published percentage is pinned exactly: the expected text is computed with integer
 * arithmetic only ({@link io.electa.testing.Percentages}, never with the BigDecimal rounding the
 * code under test uses) and compared as a string. QuickTheories reports the smallest failing
 * ratio and the seed; rerun it with {@code -DQT_SEED=<seed>}.
 */
class RatioProperties {
    /** Registered voters of the reference scenario. */
    private static final long SCENARIO_REGISTERED = 6_500_000;

    @Test
    void percentIsTheExactRatioRoundedHalfUp() {
        qt().withExamples(5_000).forAll(Generate.oneOf(
                fractionsUpTo(10),
                fractionsUpTo(10_000),
                fractionsUpTo(10_000_000),
                scenarioFractions(),
                nearHalves()))
                .checkAssert(f -> {
                    String published = new Ratio(f.numerator(), f.denominator()).percent();

                    assertThat(published).as("percent of %s", f)
                            .isEqualTo(halfUp(f.numerator(), f.denominator()));
                    assertThat(published).matches("100\\.00|[1-9]?[0-9]\\.[0-9]{2}");
                });
    }

    /**
     * Ratios built to sit exactly half a hundredth above {@code q} hundredths of a percent
     * (n = (2q+1)m, d = 20000m), or one part in 20000m below or above that: the expected
     * percentage follows from the construction, with no division at all.
     */
    @Test
    void exactHalvesRoundUpAndTheirNeighboursRoundToTheNearest() {
        qt().forAll(integers().between(1, 400), integers().between(0, 9_999), integers().between(-1, 1))
                .checkAssert((m, q, offset) -> {
                    long numerator = (2L * q + 1) * m + offset;
                    long denominator = 20_000L * m;
                    long expectedHundredths = offset < 0 ? q : q + 1;

                    String published = new Ratio(numerator, denominator).percent();

                    assertThat(published).as("percent of %d/%d", numerator, denominator)
                            .isEqualTo(hundredths(expectedHundredths))
                            .isEqualTo(halfUp(numerator, denominator));
                });
    }

    @Test
    void percentOfAnyNonNegativeRatioIsExactEvenPastTheRangeOfALong() {
        qt().forAll(longs().between(0, Long.MAX_VALUE), longs().between(1, Long.MAX_VALUE))
                .checkAssert((numerator, denominator) -> assertThat(new Ratio(numerator, denominator).percent())
                        .as("percent of %d/%d", numerator, denominator)
                        .isEqualTo(halfUp(numerator, denominator)));
    }

    @Test
    void aZeroDenominatorIsZeroPercent() {
        qt().forAll(longs().between(0, Long.MAX_VALUE))
                .checkAssert(numerator -> assertThat(new Ratio(numerator, 0).percent()).isEqualTo("0.00"));
    }

    /** Fixed figures with their expected text written out; the integer oracle must agree too. */
    @Test
    void scenarioFiguresRoundHalfUp() {
        List<Example> examples = List.of(
                new Example(7673, 10000, "76.73"),
                new Example(1, 8, "12.50"),
                new Example(1, 200, "0.50"),
                new Example(1, 400, "0.25"),
                new Example(1, 3, "33.33"),
                new Example(2, 3, "66.67"),
                new Example(1, 80000, "0.00"),
                new Example(1, 40000, "0.00"),
                new Example(1, 20000, "0.01"),
                new Example(76725, 100000, "76.73"),
                new Example(92125, 100000, "92.13"),
                new Example(0, 0, "0.00"),
                new Example(5, 0, "0.00"),
                new Example(0, 7, "0.00"),
                new Example(7, 7, "100.00"),
                new Example(19_999, 20_000, "100.00"),
                new Example(39_999, 40_000, "100.00"),
                new Example(SCENARIO_REGISTERED, SCENARIO_REGISTERED, "100.00"),
                new Example(4_987_125, SCENARIO_REGISTERED, "76.73"),
                new Example(4_987_124, SCENARIO_REGISTERED, "76.72"),
                new Example(5_988_125, SCENARIO_REGISTERED, "92.13"),
                new Example(325, SCENARIO_REGISTERED, "0.01"),
                new Example(324, SCENARIO_REGISTERED, "0.00"),
                new Example(1, SCENARIO_REGISTERED, "0.00"),
                new Example(6_499_674, SCENARIO_REGISTERED, "99.99"),
                new Example(6_499_675, SCENARIO_REGISTERED, "100.00"),
                new Example(Long.MAX_VALUE, Long.MAX_VALUE, "100.00"),
                new Example(Long.MAX_VALUE, 1, "922337203685477580700.00"));
        for (Example e : examples) {
            assertThat(new Ratio(e.numerator(), e.denominator()).percent()).as("percent of %s", e)
                    .isEqualTo(e.percent());
            assertThat(halfUp(e.numerator(), e.denominator())).as("oracle for %s", e).isEqualTo(e.percent());
        }
    }

    record Example(long numerator, long denominator, String percent) {
    }

    /** A generated ratio; printed as n/d in failure reports. */
    record Fraction(long numerator, long denominator) {
        @Override
        public String toString() {
            return numerator + "/" + denominator;
        }
    }

    /** n/d with 1 ≤ d ≤ max and 0 ≤ n ≤ d. */
    private static Gen<Fraction> fractionsUpTo(long max) {
        return longs().between(1, max).flatMap(d -> longs().between(0, d).map(n -> new Fraction(n, d)));
    }

    /** Shares of the scenario's 6.5 million registered voters and of rolls around that size. */
    private static Gen<Fraction> scenarioFractions() {
        Gen<Long> denominators = Generate.oneOf(Generate.constant(SCENARIO_REGISTERED),
                longs().between(6_000_000, 7_000_000));
        return denominators.flatMap(d -> longs().between(0, d).map(n -> new Fraction(n, d)));
    }

    /** Ratios a hair's breadth from a rounding boundary: exact halves of a hundredth and ±1 around them. */
    private static Gen<Fraction> nearHalves() {
        return integers().between(1, 400).zip(integers().between(0, 9_999), integers().between(-1, 1),
                (m, q, offset) -> new Fraction((2L * q + 1) * m + offset, 20_000L * m));
    }
}
