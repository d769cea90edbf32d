package io.electa.support.access;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import io.electa.common.v1.Access;
import io.electa.common.v1.AccessProto;
import io.grpc.Context;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;

/**
 * One call's access decision, taken in two steps by the inbound guard: {@link #admit} when the
 * call starts (token verified, one of the RPC's roles held), {@link #checkScope} when its first
 * message has been read and found valid (a scoped role covers what the request acts on). The
 * handler runs in {@link #context()}, where {@link Caller#current()} and {@link Scope#current()}
 * answer for this call.
 */
public final class CallAccess {
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
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
     * the bearer token in {@code headers} must verify, and the caller hold one of the roles the
     * RPC's access option names (none at all: public RPCs; an RPC without the option admits no one).
     */
    public static CallAccess admit(MethodDescriptor<?, ?> method, TokenVerifier tokens, Metadata headers) {
        Caller caller = tokens.verify(headers.get(AUTHORIZATION));
        Access access = accessOf(method);
        Authorization.admit(access, method.getFullMethodName(), caller);
        return new CallAccess(access, caller);
    }

    /** The access option of {@code method}, or null when it has none. */
    public static Access accessOf(MethodDescriptor<?, ?> method) {
        if (!(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
            return null;
        }
        Descriptors.MethodDescriptor descriptor = supplier.getMethodDescriptor();
        return descriptor.getOptions().hasExtension(AccessProto.access)
                ? descriptor.getOptions().getExtension(AccessProto.access) : null;
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
