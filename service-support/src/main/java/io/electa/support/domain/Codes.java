package io.electa.support.domain;

import java.util.regex.Pattern;

/** Formats of identifiers and free text accepted by every Electa service. */
public final class Codes {
    private static final Pattern ELECTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,31}");
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private Codes() {
    }

    public static boolean isElectionId(String value) {
        return value != null && ELECTION_ID.matcher(value).matches();
    }

    /** District and station codes. */
    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }

    public static boolean isRequestId(String value) {
        return value != null && REQUEST_ID.matcher(value).matches();
    }

    /** Non-blank text of at most {@code max} characters, without control characters. */
    public static boolean isText(String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            return false;
        }
        return value.chars().noneMatch(Character::isISOControl);
    }
}
