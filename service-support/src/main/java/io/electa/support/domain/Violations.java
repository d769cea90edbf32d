package io.electa.support.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Collects every broken input rule of a request, then fails once with all of them. */
public final class Violations {
    private static final String UUID_RULE = "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000";

    private final List<FieldViolation> found = new ArrayList<>();

    /** Records a violation of {@code field} unless {@code ok}. */
    public Violations check(boolean ok, String field, String description) {
        if (!ok) {
            found.add(new FieldViolation(field, description));
        }
        return this;
    }

    public Violations electionId(String field, String value) {
        return check(Codes.isElectionId(value), field,
                "must be 1-63 characters of a-z, 0-9 and '-', starting with a letter or digit");
    }

    public Violations code(String field, String value) {
        return check(Codes.isCode(value), field,
                "must be 1-32 characters of A-Z, 0-9 and '-', starting with a letter or digit");
    }

    public Violations text(String field, String value, int max) {
        return check(Codes.isText(value, max), field,
                "must be 1-" + max + " characters, not blank, without control characters");
    }

    public Violations requestId(String field, String value) {
        return check(Codes.isRequestId(value), field,
                "must be 1-64 characters of A-Z, a-z, 0-9, '-' and '_'");
    }

    /** Checks {@code value} as a code unless it is empty (an optional filter). */
    public Violations optionalCode(String field, String value) {
        return value.isEmpty() ? this : code(field, value);
    }

    /** The UUID {@code value} spells (any case), or null after recording a violation. */
    public UUID uuid(String field, String value) {
        try {
            UUID uuid = UUID.fromString(value);
            check(uuid.toString().equals(value.toLowerCase(Locale.ROOT)), field, UUID_RULE);
            return uuid;
        } catch (IllegalArgumentException e) {
            check(false, field, UUID_RULE);
            return null;
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** The violations found so far as one exception; only when there is any. */
    public InvalidArgumentException toException() {
        return new InvalidArgumentException(found);
    }

    /** Throws {@link InvalidArgumentException} listing every violation, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw toException();
        }
    }
}
