package io.electa.support.domain;

import io.electa.common.v1.FieldViolationReason;
import java.util.List;
import java.util.Map;

/** The request is malformed; every broken rule is listed as a field violation. */
public final class InvalidArgumentException extends DomainException {
    private final List<FieldViolation> violations;

    public InvalidArgumentException(List<FieldViolation> violations) {
        super(summary(violations), null, Map.of());
        this.violations = List.copyOf(violations);
    }

    /** One broken rule. */
    public static InvalidArgumentException of(String field, FieldViolationReason reason, String description) {
        return new InvalidArgumentException(List.of(new FieldViolation(field, reason, description)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }

    /** The first few violations in words, and how many there are in all. */
    private static String summary(List<FieldViolation> violations) {
        StringBuilder text = new StringBuilder("invalid request");
        text.append(violations.size() > 1 ? " (" + violations.size() + " problems): " : ": ");
        for (int i = 0; i < violations.size() && text.length() < 300; i++) {
            FieldViolation v = violations.get(i);
            text.append(i == 0 ? "" : "; ").append(v.field().isEmpty() ? "request" : v.field()).append(": ")
                    .append(v.description());
        }
        return text.toString();
    }
}
