package io.electa.support.domain;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Map;

/** The record to create exists already, or the act was already done. */
public final class AlreadyExistsException extends DomainException {
    public AlreadyExistsException(String message, ProtocolMessageEnum reason, Map<String, String> metadata) {
        super(message, reason, metadata);
    }

    public AlreadyExistsException(String message, ProtocolMessageEnum reason) {
        this(message, reason, Map.of());
    }
}
