package io.electa.client.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A share as the services publish it: a percentage to two decimals, rounded half up. */
public final class Percent {
    private Percent() {
    }

    /** {@code numerator / denominator} in percent, two decimals, half up; "0.00" for an empty denominator. */
    public static String of(long numerator, long denominator) {
        if (denominator == 0) {
            return "0.00";
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), 2, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * The count nearest to {@code percent} of {@code total} whose share of {@code total} publishes
     * as exactly {@code percent}.
     *
     * @throws IllegalArgumentException when no count of {@code total} rounds to it (too small a total)
     */
    public static long countFor(String percent, long total) {
        long nearest = new BigDecimal(percent).multiply(BigDecimal.valueOf(total))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        for (long step = 0; step <= total; step++) {
            for (long candidate : new long[] {nearest - step, nearest + step}) {
                if (candidate >= 0 && candidate <= total && of(candidate, total).equals(percent)) {
                    return candidate;
                }
            }
            if (nearest - step < 0 && nearest + step > total) {
                break;
            }
        }
        throw new IllegalArgumentException("no count of " + total + " is " + percent + " % of it");
    }
}
