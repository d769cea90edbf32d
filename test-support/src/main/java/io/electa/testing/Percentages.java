package io.electa.testing;

import java.math.BigInteger;

/**
 * The expected text of a published percentage, for tests: computed with integer arithmetic only,
 * so it never shares the BigDecimal rounding of the code under test.
 */
public final class Percentages {
    private static final BigInteger HUNDRED = BigInteger.valueOf(100);
    private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);

    private Percentages() {
    }

    /**
     * numerator / denominator as a percentage to two decimals, rounded half up ("0.00" when the
     * denominator is zero): with numerator·10000 = q·denominator + r, the hundredths of a percent
     * are q, plus one when 2r ≥ denominator. Covers non-negative ratios only.
     */
    public static String halfUp(long numerator, long denominator) {
        if (numerator < 0 || denominator < 0) {
            throw new IllegalArgumentException("only non-negative ratios: " + numerator + "/" + denominator);
        }
        if (denominator == 0) {
            return "0.00";
        }
        BigInteger d = BigInteger.valueOf(denominator);
        BigInteger[] qr = BigInteger.valueOf(numerator).multiply(TEN_THOUSAND).divideAndRemainder(d);
        BigInteger hundredths = qr[1].shiftLeft(1).compareTo(d) >= 0 ? qr[0].add(BigInteger.ONE) : qr[0];
        return hundredths(hundredths);
    }

    /** "12.05" for 1205 hundredths of a percent. */
    public static String hundredths(long hundredths) {
        return hundredths(BigInteger.valueOf(hundredths));
    }

    private static String hundredths(BigInteger hundredths) {
        if (hundredths.signum() < 0) {
            throw new IllegalArgumentException("negative: " + hundredths);
        }
        BigInteger[] units = hundredths.divideAndRemainder(HUNDRED);
        int cents = units[1].intValueExact();
        return units[0] + "." + (cents < 10 ? "0" : "") + cents;
    }
}
