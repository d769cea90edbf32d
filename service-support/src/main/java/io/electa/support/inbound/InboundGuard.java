package io.electa.support.inbound;

import com.google.protobuf.Message;
import io.electa.common.v1.FieldViolationReason;
import io.electa.support.domain.FieldViolation;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.grpc.GrpcErrors;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.ServiceDescriptor;
import io.grpc.StatusRuntimeException;
import java.util.List;

/**
 * What every request message of every Electa service passes before a handler sees it: it must
 * decode (a string field with invalid UTF-8 is refused naming the field, instead of failing in
 * the transport) and keep the input rules its contract states (buf.validate). A message that
 * does not is answered INVALID_ARGUMENT with a google.rpc.BadRequest, and the handler never sees
 * it: for a stream, it is told the call was cancelled, so it releases what it holds.
 *
 * <p>A service applies it in {@code bindService()}: {@code return InboundGuard.guard(super.bindService());}
 */
public final class InboundGuard {
    private InboundGuard() {
    }

    /** The service with every method's requests decoded and checked as described above. */
    public static ServerServiceDefinition guard(ServerServiceDefinition service) {
        ServiceDescriptor original = service.getServiceDescriptor();
        ServiceDescriptor.Builder descriptor = ServiceDescriptor.newBuilder(original.getName())
                .setSchemaDescriptor(original.getSchemaDescriptor());
        List<ServerMethodDefinition<?, ?>> methods = service.getMethods().stream()
                .<ServerMethodDefinition<?, ?>>map(InboundGuard::guarded)
                .toList();
        methods.forEach(method -> descriptor.addMethod(method.getMethodDescriptor()));
        ServerServiceDefinition.Builder guarded = ServerServiceDefinition.builder(descriptor.build());
        methods.forEach(guarded::addMethod);
        return guarded.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <Q, A> ServerMethodDefinition<Q, A> guarded(ServerMethodDefinition<Q, A> method) {
        MethodDescriptor<Q, A> original = method.getMethodDescriptor();
        if (!(original.getRequestMarshaller() instanceof MethodDescriptor.PrototypeMarshaller<Q> protobuf)
                || !(protobuf.getMessagePrototype() instanceof Message)) {
            return method;
        }
        MethodDescriptor<Q, A> checked = original.toBuilder()
                .setRequestMarshaller(new CheckedMarshaller((MethodDescriptor.PrototypeMarshaller) protobuf))
                .build();
        ServerCallHandler<Q, A> handler = method.getServerCallHandler();
        return ServerMethodDefinition.create(checked, (call, headers) -> new Checking<>(call, handler, headers));
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
        private boolean refused;

        Checking(ServerCall<Q, A> call, ServerCallHandler<Q, A> next, Metadata headers) {
            this.call = call;
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
            if (problems.isEmpty()) {
                super.onMessage(message);
                return;
            }
            refused = true;
            StatusRuntimeException answer = GrpcErrors.toStatus(new InvalidArgumentException(problems));
            call.close(answer.getStatus(), answer.getTrailers() == null ? new Metadata() : answer.getTrailers());
            super.onCancel();
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
