package io.electa.observer.badge;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Badge numbers: 10 random characters of Crockford base32 (0-9, A-Z without I, L, O, U) written
 * in two groups of five, e.g. "K7M2Q-9XR4T". 50 random bits, so numbers cannot be enumerated.
 */
public final class BadgeNumbers {
    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final Pattern NORMALISED = Pattern.compile("[0-9A-HJKMNP-TV-Z]{10}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private BadgeNumbers() {
    }

    /** A fresh random badge number. */
    public static String generate() {
        char[] chars = new char[10];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return format(new String(chars));
    }

    /**
     * The canonical form of a number as typed (any case, with or without its '-', surrounding
     * spaces ignored), or null when it is not 10 base32 characters.
     */
    public static String normalise(String typed) {
        String compact = typed.strip().replace("-", "").toUpperCase(Locale.ROOT);
        return NORMALISED.matcher(compact).matches() ? format(compact) : null;
    }

    private static String format(String compact) {
        return compact.substring(0, 5) + "-" + compact.substring(5);
    }
}
