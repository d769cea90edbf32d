package io.electa.support.domain;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Map;

/** The request is well formed but the system is not in a state that allows it. */
public final class FailedPreconditionException extends DomainException {
    public FailedPreconditionException(String message, ProtocolMessageEnum reason) {
        super(message, reason, Map.of());
    }

    /** With facts about the state that forbids it, e.g. a deadline or a quota (ErrorInfo metadata). */
    public FailedPreconditionException(String message, ProtocolMessageEnum reason, Map<String, String> metadata) {
        super(message, reason, metadata);
    }
}
