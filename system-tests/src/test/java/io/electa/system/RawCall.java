package io.electa.system;

import com.google.protobuf.Descriptors;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.protobuf.StatusProto;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call of any RPC with raw bytes as the request messages, as a client in another language
 * with a hand-written encoder would make it: whatever the bytes, the answer is a status (or, if
 * the server never answers, a hang).
 */
final class RawCall {
    private static final MethodDescriptor.Marshaller<byte[]> BYTES = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    /** What came back: the status, its google.rpc details, the messages; hung when nothing did. */
    record Answer(Status status, Metadata trailers, List<byte[]> messages, boolean hung) {
        com.google.rpc.Status details() {
            return StatusProto.fromStatusAndTrailers(status, trailers);
        }

        List<ErrorInfo> errorInfos() {
            com.google.rpc.Status details = details();
            return details == null ? List.of() : details.getDetailsList().stream().filter(a -> a.is(ErrorInfo.class))
                    .map(a -> unpack(a, ErrorInfo.class)).toList();
        }

        List<BadRequest.FieldViolation> fieldViolations() {
            com.google.rpc.Status details = details();
            return details == null ? List.of() : details.getDetailsList().stream().filter(a -> a.is(BadRequest.class))
                    .flatMap(a -> unpack(a, BadRequest.class).getFieldViolationsList().stream()).toList();
        }

        private static <T extends com.google.protobuf.Message> T unpack(com.google.protobuf.Any any, Class<T> type) {
            try {
                return any.unpack(type);
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError(e);
            }
        }
    }

    private RawCall() {
    }

    static MethodDescriptor<byte[], byte[]> descriptor(Descriptors.MethodDescriptor method) {
        MethodDescriptor.MethodType type = method.isClientStreaming()
                ? (method.isServerStreaming() ? MethodDescriptor.MethodType.BIDI_STREAMING
                        : MethodDescriptor.MethodType.CLIENT_STREAMING)
                : (method.isServerStreaming() ? MethodDescriptor.MethodType.SERVER_STREAMING
                        : MethodDescriptor.MethodType.UNARY);
        return MethodDescriptor.<byte[], byte[]>newBuilder()
                .setType(type)
                .setFullMethodName(MethodDescriptor.generateFullMethodName(method.getService().getFullName(),
                        method.getName()))
                .setRequestMarshaller(BYTES)
                .setResponseMarshaller(BYTES)
                .setSchemaDescriptor(new Schema(method))
                .build();
    }

    /** The contract's description of the method, as generated stubs carry it (their access option included). */
    private record Schema(Descriptors.MethodDescriptor method) implements ProtoMethodDescriptorSupplier {
        @Override
        public Descriptors.MethodDescriptor getMethodDescriptor() {
            return method;
        }

        @Override
        public Descriptors.ServiceDescriptor getServiceDescriptor() {
            return method.getService();
        }

        @Override
        public Descriptors.FileDescriptor getFileDescriptor() {
            return method.getFile();
        }
    }

    /** Sends {@code messages}, half-closes, and waits up to {@code deadline} (plus slack) for the end. */
    static Answer call(Channel channel, Descriptors.MethodDescriptor method, List<byte[]> messages,
            Duration deadline) {
        return call(channel, method, messages, deadline, CallOptions.DEFAULT);
    }

    /** As {@link #call}, presenting {@code credentials} instead of what the channel's caller would. */
    static Answer call(Channel channel, Descriptors.MethodDescriptor method, List<byte[]> messages,
            Duration deadline, CallCredentials credentials) {
        return call(channel, method, messages, deadline, CallOptions.DEFAULT.withCallCredentials(credentials));
    }

    private static Answer call(Channel channel, Descriptors.MethodDescriptor method, List<byte[]> messages,
            Duration deadline, CallOptions options) {
        ClientCall<byte[], byte[]> call = channel.newCall(descriptor(method),
                options.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS));
        List<byte[]> received = new ArrayList<>();
        CompletableFuture<Answer> done = new CompletableFuture<>();
        call.start(new ClientCall.Listener<>() {
            @Override
            public void onMessage(byte[] message) {
                synchronized (received) {
                    received.add(message);
                }
                call.request(1);
            }

            @Override
            public void onClose(Status status, Metadata trailers) {
                synchronized (received) {
                    done.complete(new Answer(status, trailers, List.copyOf(received), false));
                }
            }
        }, new Metadata());
        call.request(1);
        for (byte[] message : messages) {
            call.sendMessage(message);
        }
        call.halfClose();
        try {
            return done.get(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel("the test gave up waiting", null);
            return new Answer(Status.DEADLINE_EXCEEDED, new Metadata(), List.of(), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }
}
