package io.electa.support.inbound;

import com.google.protobuf.Message;
import io.electa.client.auth.AccessOptions;
import io.electa.client.auth.BearerToken;
import io.electa.common.v1.Access;
import io.electa.common.v1.FieldViolationReason;
import io.electa.support.access.CallAccess;
import io.electa.support.access.TokenVerifier;
import io.electa.support.domain.DomainException;
import io.electa.support.domain.FieldViolation;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.grpc.GrpcErrors;
import io.grpc.Contexts;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every call to an Electa service passes before a handler sees it. When it starts: the
 * caller's bearer token must verify and hold one of the roles of the RPC's access option
 * ({@link CallAccess}), else UNAUTHENTICATED or PERMISSION_DENIED and the handler never starts.
 * Then every request message must decode (a string field with invalid UTF-8 is refused naming the
 * field, instead of failing in the transport) and keep the input rules its contract states
 * (buf.validate), else INVALID_ARGUMENT with a google.rpc.BadRequest; and the first must be within
 * the caller's scope, else PERMISSION_DENIED. A refused message never reaches the handler: for a
 * stream, it is told the call was cancelled, so it releases what it holds. The handler runs in the
 * call's context, where {@code Caller.current()} names the caller.
 *
 * <p>A service applies it in {@code bindService()}: {@code return InboundGuard.guard(super.bindService(), tokens);}
 *
 * <p>With {@link #guardOffEventLoop}, a token that has not verified recently is verified on a
 * worker thread, not on the event loop that carries the connection's other calls: checking an
 * Ed25519 signature takes about half a millisecond of CPU, and each clerk's first call brings a
 * new token, so during a count the event loop would otherwise spend much of its time on them
 * while the calls behind them (reads served from memory) wait. The call starts on its own
 * context once the token is verified; what arrives meanwhile is kept and handed on in order.
 */
public final class InboundGuard {
    private InboundGuard() {
    }

    /** The service with every method's requests decoded and checked as described above. */
    public static ServerServiceDefinition guard(ServerServiceDefinition service, TokenVerifier tokens) {
        return guard(service, tokens, false);
    }

    /** As {@link #guard}, verifying tokens not verified recently on a worker thread (see above). */
    public static ServerServiceDefinition guardOffEventLoop(ServerServiceDefinition service, TokenVerifier tokens) {
        return guard(service, tokens, true);
    }

    private static ServerServiceDefinition guard(ServerServiceDefinition service, TokenVerifier tokens,
            boolean offload) {
        ServiceDescriptor original = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        List<ServerMethodDefinition<?, ?>> methods = service.getMethods().stream()
                .<ServerMethodDefinition<?, ?>>map(method -> guarded(method, tokens, offload))
                .toList();
        methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
        ServerServiceDefinition.Builder guarded = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(guarded::addMethod);
        return guarded.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <Q, A> ServerMethodDefinition<Q, A> guarded(ServerMethodDefinition<Q, A> method,
            TokenVerifier tokens, boolean offload) {
        MethodDescriptor<Q, A> original = method.getMethodDescriptor();
        if (!(original.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<Q> protobuf)
                || !(protobuf.getMessagePrototype() instanceof Message)) {
            return method;
        }
        MethodDescriptor<Q, A> checked = original.toBuilder()
                .setRequestMarshaller(new CheckedMarshaller((MethodDescriptor.PrototypeMarshaller) protobuf))
                .build();
        ServerCallHandler<Q, A> handler = method.getServerCallHandler();
        Access rule = AccessOptions.of(original);
        String name = original.getFullMethodName();
        return ServerMethodDefinition.create(checked, (call, headers) -> {
            io.vertx.core.Context context = Vertx.currentContext();
            if (!offload || context == null || tokens.answersAtOnce(headers.get(BearerToken.AUTHORIZATION))) {
                CallAccess access;
                try {
                    access = CallAccess.admit(rule, name, tokens, headers, call.getAttributes());
                } catch (DomainException refused) {
                    close(call, refused);
                    return new ServerCall.Listener<>() { };
                }
                return checking(call, headers, access, handler);
            }
            Admitting<Q> admitting = new Admitting<>();
            context.executeBlocking(() -> CallAccess.admit(rule, name, tokens, headers, call.getAttributes()), false)
                    .onComplete(admitted -> {
                        if (admitted.succeeded()) {
                            admitting.start(checking(call, headers, admitted.result(), handler));
                        } else if (admitting.drop() && admitted.cause() instanceof DomainException refused) {
                            close(call, refused);
                        } else if (!admitting.cancelled()) {
                            call.close(io.grpc.Status.INTERNAL.withDescription("the call could not be admitted"),
                                    new Metadata());
                        }
                    });
            return admitting;
        });
    }

    private static <Q, A> ServerCall.Listener<Q> checking(ServerCall<Q, A> call, Metadata headers, CallAccess access,
            ServerCallHandler<Q, A> handler) {
        return new Checking<>(call, (c, h) -> Contexts.interceptCall(access.context(), c, h, handler), headers,
                access);
    }

    /**
     * A call's listener while its token is verified elsewhere: keeps what arrives, in order, and
     * hands it to the call's real listener once it is admitted (or drops it when it is not).
     */
    private static final class Admitting<Q> extends ServerCall.Listener<Q> {
        private final List<Consumer<ServerCall.Listener<Q>>> waiting = new ArrayList<>();
        private ServerCall.Listener<Q> started;
        private boolean dropped;
        private boolean cancelled;

        synchronized void start(ServerCall.Listener<Q> listener) {
            started = listener;
            waiting.forEach(event -> event.accept(listener));
            waiting.clear();
        }

        /** Refused: nothing is handed on. True unless the client cancelled meanwhile (then nobody is answered). */
        synchronized boolean drop() {
            dropped = true;
            waiting.clear();
            return !cancelled;
        }

        synchronized boolean cancelled() {
            return cancelled;
        }

        private synchronized void arrived(Consumer<ServerCall.Listener<Q>> event) {
            if (started != null) {
                event.accept(started);
            } else if (!dropped) {
                waiting.add(event);
            }
        }

        @Override
        public void onMessage(Q message) {
            arrived(listener -> listener.onMessage(message));
        }

        @Override
        public void onHalfClose() {
            arrived(ServerCall.Listener::onHalfClose);
        }

        @Override
        public void onCancel() {
            synchronized (this) {
                cancelled = true;
            }
            arrived(ServerCall.Listener::onCancel);
        }

        @Override
        public void onComplete() {
            arrived(ServerCall.Listener::onComplete);
        }

        @Override
        public void onReady() {
            arrived(ServerCall.Listener::onReady);
        }
    }

    private static void close(ServerCall<?, ?> call, DomainException refusal) {
        StatusRuntimeException answer = GrpcErrors.toStatus(refusal);
        call.close(answer.getStatus(), answer.getTrailers() == null ? new Metadata() : answer.getTrailers());
    }

    /** The problems of one request message; empty when it may go to the handler. */
    static List<FieldViolation> problemsOf(Message request) {
        String broken = Undecodable.brokenAt(request);
        if (broken != null) {
            return List.of(new FieldViolation(broken, FieldViolationReason.INVALID_ENCODING, broken.isEmpty()
                    ? "the request is not a valid protobuf encoding of " + request.getDescriptorForType().getFullName()
                    : "is not valid UTF-8"));
        }
        return ContractRules.violations(request);
    }

    /** Passes messages that keep the rules; refuses the call at the first that does not. */
    private static final class Checking<Q, A> extends ForwardingServerCallListener<Q> {
        private final ServerCall<Q, A> call;
        private final ServerCall.Listener<Q> handler;
        private final CallAccess access;
        private boolean refused;

        Checking(ServerCall<Q, A> call, ServerCallHandler<Q, A> next, Metadata headers, CallAccess access) {
            this.call = call;
            this.access = access;
            this.handler = next.startCall(call, headers);
        }

        @Override
        protected ServerCall.Listener<Q> delegate() {
            return handler;
        }

        @Override
        public void onMessage(Q message) {
            if (refused) {
                return;
            }
            List<FieldViolation> problems = problemsOf((Message) message);
            try {
                if (!problems.isEmpty()) {
                    throw new InvalidArgumentException(problems);
                }
                access.checkScope((Message) message);
            } catch (DomainException refusal) {
                refused = true;
                close(call, refusal);
                super.onCancel();
                return;
            }
            super.onMessage(message);
        }

        @Override
        public void onHalfClose() {
            if (!refused) {
                super.onHalfClose();
            }
        }

        @Override
        public void onCancel() {
            if (!refused) {
                super.onCancel();
            }
        }

        @Override
        public void onComplete() {
            if (!refused) {
                super.onComplete();
            }
        }

        @Override
        public void onReady() {
            if (!refused) {
                super.onReady();
            }
        }
    }
}
