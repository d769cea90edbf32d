package io.electa.support.domain;

import java.util.Map;

/** The request is well formed but the system is not in a state that allows it. */
public final class FailedPreconditionException extends DomainException {
    public FailedPreconditionException(String message, String reason) {
        super(message, reason, Map.of());
    }
}
