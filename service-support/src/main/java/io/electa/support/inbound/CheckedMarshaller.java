package io.electa.support.inbound;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.grpc.MethodDescriptor;
import java.io.ByteArrayOutputStream;
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
            bytes = readAll(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return (T) prototype.getParserForType().parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            return Undecodable.mark(prototype, WireCheck.firstBrokenField(prototype.getDescriptorForType(), bytes));
        }
    }

    /**
     * The message's bytes: read straight into an array of the size the stream says it holds (the
     * transport's streams know it), instead of through the 8 KiB buffers of
     * {@link InputStream#readAllBytes()}, which were the largest allocation per request; whatever
     * follows what was announced is read too.
     */
    private static byte[] readAll(InputStream stream) throws IOException {
        byte[] announced = stream.readNBytes(stream.available());
        int next = stream.read();
        if (next == -1) {
            return announced;
        }
        ByteArrayOutputStream longer = new ByteArrayOutputStream(announced.length * 2 + 1);
        longer.write(announced);
        longer.write(next);
        stream.transferTo(longer);
        return longer.toByteArray();
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
