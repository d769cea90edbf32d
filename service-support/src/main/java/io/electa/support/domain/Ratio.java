package io.electa.support.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact ratio and its percentage to two decimals, rounded half up. */
public record Ratio(long numerator, long denominator) {

    /** "76.73" for 7673/10000; "0.00" when the denominator is zero. */
    public String percent() {
        if (denominator == 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(numerator)
                .multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP)
                .toPlainString();
    }
}
