package io.electa.support.access;

import com.google.protobuf.Message;
import io.electa.client.auth.AccessOptions;
import io.electa.client.auth.BearerToken;
import io.electa.common.v1.Access;
import io.grpc.Context;
import io.grpc.Metadata;

/**
 * One call's access decision, taken in two steps by the inbound guard: {@link #admit} when the
 * call starts (token verified, one of the RPC's roles held), {@link #checkScope} when its first
 * message has been read and found valid (a scoped role covers what the request acts on). The
 * handler runs in {@link #context()}, where {@link Caller#current()} and {@link Scope#current()}
 * answer for this call.
 */
public final class CallAccess {
    static final Context.Key<CallAccess> KEY = Context.key("electa-call-access");

    private final Access access;
    private final Caller caller;
    private volatile Scope scope = Scope.UNRESTRICTED;
    private boolean scopeChecked;

    private CallAccess(Access access, Caller caller) {
        this.access = access;
        this.caller = caller;
    }

    /**
     * Admits the call or fails with UNAUTHENTICATED or PERMISSION_DENIED (a DomainException):
     * the bearer token in {@code headers} must verify, and the caller hold one of the roles of the
     * RPC's access option {@code access} (none at all: public RPCs; null, an RPC without the option,
     * admits no one). The option is read once per method ({@link AccessOptions}), not per call.
     */
    public static CallAccess admit(Access access, String method, TokenVerifier tokens, Metadata headers) {
        Caller caller = tokens.verify(headers.get(BearerToken.AUTHORIZATION));
        Authorization.admit(access, method, caller);
        return new CallAccess(access, caller);
    }

    /**
     * Checks the scope against the call's first request message that names its target (later
     * ones are not checked: a stream's header names the station for the whole stream).
     */
    public void checkScope(Message request) {
        if (!scopeChecked) {
            Scope decided = Authorization.scope(access, caller, request);
            if (decided != null) {
                scopeChecked = true;
                scope = decided;
            }
        }
    }

    /** The context the handler runs in. */
    public Context context() {
        return Context.current().withValue(KEY, this);
    }

    Caller caller() {
        return caller;
    }

    Scope scope() {
        return scope;
    }
}
