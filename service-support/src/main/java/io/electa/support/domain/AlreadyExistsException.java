package io.electa.support.domain;

import java.util.Map;

/** The record to create exists already, or the act was already done. */
public final class AlreadyExistsException extends DomainException {
    public AlreadyExistsException(String message, String reason, Map<String, String> metadata) {
        super(message, reason, metadata);
    }

    public AlreadyExistsException(String message) {
        this(message, "ALREADY_EXISTS", Map.of());
    }
}
