package io.electa.support.domain;

import io.electa.common.v1.ErrorReason;
import java.util.Map;

/** The named election, district, station, voter or certificate does not exist. */
public final class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message, ErrorReason.NOT_FOUND, Map.of());
    }
}
