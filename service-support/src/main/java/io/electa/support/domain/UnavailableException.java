package io.electa.support.domain;

import java.util.Map;

/** A service this one depends on cannot be reached in time; nothing was changed, retry later. */
public final class UnavailableException extends DomainException {
    public UnavailableException(String message) {
        super(message, "DEPENDENCY_UNAVAILABLE", Map.of());
    }
}
