package io.electa.support.inbound;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Decodes requests like protobuf's own marshaller, but never throws: bytes that do not decode
 * (invalid UTF-8 in a string field, broken wire format) become an {@link Undecodable} message,
 * which {@link InboundGuard} answers with INVALID_ARGUMENT naming the field. (Thrown, the
 * failure would be lost in the transport and the client would see INTERNAL or no answer.)
 */
final class CheckedMarshaller<T extends Message> implements MethodDescriptor.PrototypeMarshaller<T> {
    private final MethodDescriptor.PrototypeMarshaller<T> protobuf;
    private final T prototype;

    CheckedMarshaller(MethodDescriptor.PrototypeMarshaller<T> protobuf) {
        this.protobuf = protobuf;
        this.prototype = protobuf.getMessagePrototype();
    }

    @Override
    public InputStream stream(T value) {
        return protobuf.stream(value);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T parse(InputStream stream) {
        byte[] bytes;
        try {
            bytes = stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return (T) prototype.getParserForType().parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return Undecodable.mark(prototype, WireCheck.firstBrokenField(prototype.getDescriptorForType(), bytes));
        }
    }

    @Override
    public T getMessagePrototype() {
        return prototype;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Class<T> getMessageClass() {
        return (Class<T>) prototype.getClass();
    }
}
