package io.electa.support.domain;

import com.google.protobuf.ProtocolMessageEnum;
import java.util.Map;

/**
 * A rule the request broke, stated for the client. The gRPC layer maps each kind to its status
 * in one place ({@code io.electa.support.grpc.GrpcErrors}); the reason is a value of an
 * ErrorReason enum of the contract (electa.common.v1 or the service's own), so no undocumented
 * reason can be sent.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, AlreadyExistsException, FailedPreconditionException,
        InvalidArgumentException, UnavailableException, AbortedException, UnauthenticatedException,
        PermissionDeniedException {

    private final String reason;
    private final Map<String, String> metadata;

    protected DomainException(String message, ProtocolMessageEnum reason, Map<String, String> metadata) {
        super(message, null, false, false);
        this.reason = reason == null ? "" : ((Enum<?>) reason).name();
        this.metadata = Map.copyOf(metadata);
    }

    /** The ErrorInfo reason, e.g. "ALREADY_MARKED"; empty for invalid input (BadRequest instead). */
    public String reason() {
        return reason;
    }

    /** Facts about the conflict, e.g. where and when a voter was marked. */
    public Map<String, String> metadata() {
        return metadata;
    }
}
