package io.electa.benchmarks;

/**
 * National identity numbers as the registry accepts them: nine payload digits and a Luhn check
 * digit. The same algorithm as the registry's {@code NationalId.of}, copied so the benchmark does
 * not depend on the service's code.
 */
final class NationalIds {
    static final int MAX_PAYLOAD = 999_999_999;

    private NationalIds() {
    }

    /** The ten-digit ID of a payload in 0..999,999,999. */
    static String of(int payload) {
        if (payload < 0 || payload > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload out of range: " + payload);
        }
        char[] digits = new char[10];
        int rest = payload;
        for (int i = 8; i >= 0; i--) {
            digits[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        digits[9] = (char) ('0' + checkDigit(digits));
        return new String(digits);
    }

    /** Luhn check digit over the first nine digits: every second digit from the right doubled. */
    private static int checkDigit(char[] digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = 8; i >= 0; i--) {
            int d = digits[i] - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return (10 - sum % 10) % 10;
    }
}
