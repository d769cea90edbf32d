package io.electa.support.access;

import com.google.protobuf.Message;
import io.electa.client.auth.AccessOptions;
import io.electa.client.auth.BearerToken;
import io.electa.common.v1.Access;
import io.electa.common.v1.Role;
import io.grpc.Attributes;
import io.grpc.Context;
import io.grpc.Metadata;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Vertx;
import java.util.EnumSet;
import java.util.Set;

/**
 * One call's access decision, taken in two steps by the inbound guard: {@link #admit} when the
 * call starts (token verified, one of the RPC's roles held), {@link #checkScope} when its first
 * message has been read and found valid (a scoped role covers what the request acts on). The
 * handler runs in {@link #context()}, where {@link Caller#current()} and {@link Scope#current()}
 * answer for this call.
 */
public final class CallAccess {
    static final Context.Key<CallAccess> KEY = Context.key("electa-call-access");
    private static final String LOCAL = "electa-call-access";

    private final Access access;
    private final String method;
    private final Caller caller;
    private volatile Scope scope = Scope.UNRESTRICTED;
    private boolean scopeChecked;

    private CallAccess(Access access, String method, Caller caller) {
        this.access = access;
        this.method = method;
        this.caller = caller;
    }

    /**
     * Admits the call or fails with UNAUTHENTICATED or PERMISSION_DENIED (a DomainException):
     * over mutual TLS, the client certificate must be there and keep to the call graph
     * ({@link CallGraph}, from the {@code transport} attributes); the bearer token in
     * {@code headers} must verify, and the caller hold one of the roles of the RPC's access option
     * {@code access} (none at all: public RPCs; null, an RPC without the option, admits no one).
     * The option is read once per method ({@link AccessOptions}), not per call.
     */
    public static CallAccess admit(Access access, String method, TokenVerifier tokens, Metadata headers,
            Attributes transport) {
        CallGraph.admit(access, method, transport);
        Caller caller = tokens.verify(headers.get(BearerToken.AUTHORIZATION));
        Authorization.admit(access, method, caller);
        return new CallAccess(access, method, caller);
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

    /**
     * The context the handler runs in. The call is also kept in the Vert.x context of the call
     * (when it runs on one), which stays with the handler's reactive continuations, e.g. after a
     * call to another service, where the gRPC context is no longer attached.
     */
    public Context context() {
        io.vertx.core.Context vertx = Vertx.currentContext();
        if (vertx != null && VertxContext.isDuplicatedContext(vertx)) {
            vertx.putLocal(LOCAL, this);
        }
        return Context.current().withValue(KEY, this);
    }

    /** The call being handled on this thread (or Vert.x context); null outside a call. */
    public static CallAccess current() {
        CallAccess attached = KEY.get();
        if (attached != null) {
            return attached;
        }
        io.vertx.core.Context vertx = Vertx.currentContext();
        return vertx != null && VertxContext.isDuplicatedContext(vertx) ? vertx.getLocal(LOCAL) : null;
    }

    /** Who calls. */
    public Caller caller() {
        return caller;
    }

    /** The caller's roles that the RPC admits: those it acts with (none for a public RPC). */
    public Set<Role> actingRoles() {
        Set<Role> acting = EnumSet.noneOf(Role.class);
        access.getRolesList().stream().filter(caller::holds).forEach(acting::add);
        return acting;
    }

    /** The full gRPC method name of the call. */
    public String method() {
        return method;
    }

    Scope scope() {
        return scope;
    }
}
