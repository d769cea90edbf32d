package io.electa.support.domain;

import io.electa.common.v1.ErrorReason;
import java.util.Map;

/** A concurrent change conflicted with the request; nothing was changed, retry with the same request_id. */
public final class AbortedException extends DomainException {
    public AbortedException(String message) {
        super(message, ErrorReason.CONCURRENT_UPDATE, Map.of());
    }
}
