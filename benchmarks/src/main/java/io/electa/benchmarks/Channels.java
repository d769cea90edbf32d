package io.electa.benchmarks;

import io.electa.testing.TestTokens;
import java.util.HashMap;
import java.util.Map;

import io.grpc.ManagedChannel;
import io.grpc.netty.NettyChannelBuilder;
import java.util.concurrent.TimeUnit;

/**
 * Plaintext gRPC channels to the child processes, every call signed for what it needs with the
 * test suites' token key ({@link TestTokens#acting()}), and the settings that make a child
 * process trust that key.
 */
final class Channels {
    private static final int MAX_INBOUND_BYTES = 16 * 1024 * 1024;

    private Channels() {
    }

    static ManagedChannel open(int port) {
        return NettyChannelBuilder.forAddress("127.0.0.1", port)
                .usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                .intercept(TestTokens.acting())
                .build();
    }

    /** {@code env} and the token settings a service needs to trust the benchmark's calls. */
    static Map<String, String> trusting(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("ELECTA_TOKEN_KEYS", TestTokens.publicKeys());
        all.put("ELECTA_TOKEN_ISSUER", TestTokens.ISSUER);
        return Map.copyOf(all);
    }

    static void close(ManagedChannel channel) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(10, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
