package io.electa.support.domain;

import java.util.Map;

/**
 * A rule the request broke, stated for the client. The gRPC layer maps each kind to its
 * status in one place ({@code io.electa.support.grpc.GrpcErrors}).
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, AlreadyExistsException, FailedPreconditionException,
        InvalidArgumentException, UnavailableException {

    private final String reason;
    private final Map<String, String> metadata;

    protected DomainException(String message, String reason, Map<String, String> metadata) {
        super(message, null, false, false);
        this.reason = reason;
        this.metadata = Map.copyOf(metadata);
    }

    /** A machine-readable reason in UPPER_SNAKE_CASE, e.g. "ALREADY_MARKED". */
    public String reason() {
        return reason;
    }

    /** Facts about the conflict, e.g. where and when a voter was marked. */
    public Map<String, String> metadata() {
        return metadata;
    }
}
