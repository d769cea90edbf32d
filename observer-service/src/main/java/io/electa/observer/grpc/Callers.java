package io.electa.observer.grpc;

/**
 * Who is calling, for decided_by and assigned_by. Until the security layer (JWT bearer tokens,
 * its own issue) lands there is no authenticated subject: every call is recorded as this one.
 */
final class Callers {
    static final String UNAUTHENTICATED = "unauthenticated";

    private Callers() {
    }

    static String subject() {
        return UNAUTHENTICATED;
    }
}
