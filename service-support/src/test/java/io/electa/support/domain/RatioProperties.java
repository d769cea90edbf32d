package io.electa.support.domain;


import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class RatioProperties {

    @Property
    void percentIsWithinHalfAHundredthOfTheExactValue(@ForAll @LongRange(min = 0, max = 10_000_000) long part,
            @ForAll @LongRange(min = 1, max = 10_000_000) long extra) {
        Ratio ratio = new Ratio(part, part + extra - 1 == 0 ? 1 : part + extra - 1);

        double exact = 100.0 * ratio.numerator() / ratio.denominator();
        BigDecimal published = new BigDecimal(ratio.percent());

        assertThat(published.scale()).isEqualTo(2);
        assertThat(Math.abs(published.doubleValue() - exact)).isLessThanOrEqualTo(0.005 + 1e-9);
        assertThat(published).isBetween(BigDecimal.ZERO, new BigDecimal("100.00"));
    }

    @Example
    void scenarioFiguresRoundHalfUp() {
        assertThat(new Ratio(7673, 10000).percent()).isEqualTo("76.73");
        assertThat(new Ratio(1, 8).percent()).isEqualTo("12.50");
        assertThat(new Ratio(1, 3).percent()).isEqualTo("33.33");
        assertThat(new Ratio(2, 3).percent()).isEqualTo("66.67");
        assertThat(new Ratio(1, 80000).percent()).isEqualTo("0.00");
        assertThat(new Ratio(1, 40000).percent()).isEqualTo("0.00");
        assertThat(new Ratio(1, 20000).percent()).isEqualTo("0.01");
        assertThat(new Ratio(0, 0).percent()).isEqualTo("0.00");
    }
}
