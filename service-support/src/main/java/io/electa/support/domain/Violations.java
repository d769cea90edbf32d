package io.electa.support.domain;

import io.electa.common.v1.FieldViolationReason;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Collects the rules a request breaks beyond those its contract states (which
 * {@code io.electa.support.inbound.InboundGuard} checks before a handler runs): relations
 * between fields, check digits, page tokens. Then fails once with all of them.
 */
public final class Violations {
    private final List<FieldViolation> found = new ArrayList<>();

    /** Records a violation of {@code field} unless {@code ok}. */
    public Violations check(boolean ok, String field, FieldViolationReason reason, String description) {
        if (!ok) {
            found.add(new FieldViolation(field, reason, description));
        }
        return this;
    }

    /**
     * The UUID {@code value} spells, or null (after recording a violation) when it spells none.
     * Empty is "none" for an optional field: null without a violation.
     */
    public UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            check(value.isEmpty(), field, FieldViolationReason.MALFORMED,
                    "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
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
