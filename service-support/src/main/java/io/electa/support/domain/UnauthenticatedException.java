package io.electa.support.domain;

import io.electa.common.v1.ErrorReason;
import java.util.Map;

/** The RPC needs a caller, and the call names none that verifies (no token, or a bad one). */
public final class UnauthenticatedException extends DomainException {
    public UnauthenticatedException(String message, ErrorReason reason) {
        super(message, reason, Map.of());
    }
}
