package io.electa.roll;

/**
 * A national identity number: ten digits, the last a Luhn check digit over the first nine.
 * The first nine digits (the payload) fit an {@code int}, which the importer uses to detect
 * duplicates in a stream of millions of rows in a few megabytes.
 */
public final class NationalId {
    public static final int LENGTH = 10;
    /** The largest payload: nine digits. */
    public static final int MAX_PAYLOAD = 999_999_999;

    private NationalId() {
    }

    /** True when {@code id} is ten ASCII digits with a valid Luhn check digit. */
    public static boolean isValid(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return checkDigit(id.substring(0, LENGTH - 1)) == id.charAt(LENGTH - 1) - '0';
    }

    /** The first nine digits as a number; only for a valid ID. */
    public static int payload(String id) {
        return Integer.parseInt(id, 0, LENGTH - 1, 10);
    }

    /** The ID for a nine-digit payload (0..999,999,999), with its check digit. */
    public static String of(int payload) {
        if (payload < 0 || payload > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload out of range: " + payload);
        }
        String digits = String.format("%09d", payload);
        return digits + checkDigit(digits);
    }

    /** Luhn check digit of a digit string. */
    static int checkDigit(String digits) {
        int sum = 0;
        boolean twice = true;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
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
