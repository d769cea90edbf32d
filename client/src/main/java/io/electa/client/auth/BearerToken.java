package io.electa.client.auth;

import io.grpc.CallCredentials;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import java.util.concurrent.Executor;

/**
 * A bearer token in the {@code authorization} metadata entry ("Bearer <JWT>"), where the services
 * look for it (access.proto): as call credentials, or as an interceptor putting them on every call
 * of a channel.
 */
public record BearerToken(String token) implements ClientInterceptor {
    /** The metadata entry a token travels in. */
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    /** The value of the entry for {@code token}. */
    public static String header(String token) {
        return "Bearer " + token;
    }

    /** Call credentials presenting the token. */
    public CallCredentials credentials() {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                Metadata headers = new Metadata();
                headers.put(AUTHORIZATION, header(token));
                applier.apply(headers);
            }
        };
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return next.newCall(method, options.withCallCredentials(credentials()));
    }
}
