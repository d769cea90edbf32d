package io.electa.support.domain;

import io.electa.common.v1.ErrorReason;
import java.util.Map;

/** The caller is known but may not do this: a role it lacks, or a target outside its scope. */
public final class PermissionDeniedException extends DomainException {
    public PermissionDeniedException(String message, ErrorReason reason, Map<String, String> metadata) {
        super(message, reason, metadata);
    }
}
