package io.electa.support.domain;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Map;

/**
 * The request cannot be served now (a dependency or the database is down, a twin request is
 * still running, the service is stopping); nothing was changed, the client may retry.
 */
public final class UnavailableException extends DomainException {
    public UnavailableException(String message, ProtocolMessageEnum reason, Map<String, String> metadata) {
        super(message, reason, metadata);
    }

    public UnavailableException(String message, ProtocolMessageEnum reason) {
        this(message, reason, Map.of());
    }
}
