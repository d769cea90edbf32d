package io.electa.tally;

import io.electa.testing.LocalService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Every tally test talks to the real registry-service: its packaged jar, started once on a free
 * port against its own database, reached over gRPC like in production.
 */
public class RealRegistry implements QuarkusTestResourceLifecycleManager {
    private static LocalService process;

    @Override
    public synchronized Map<String, String> start() {
        if (process == null) {
            process = LocalService.registry("127.0.0.1:5432/electa_registry_it");
        }
        String port = Integer.toString(process.port());
        return Map.of("quarkus.grpc.clients.registry.host", "localhost",
                "quarkus.grpc.clients.registry.port", port,
                "quarkus.grpc.clients.registry.test-port", port,
                "electa.registry.deadline", "2s");
    }

    @Override
    public void stop() {
        // The process outlives a test class; a JVM shutdown hook stops it.
    }

    /** The running registry, for tests that take it down and bring it back. */
    public static LocalService process() {
        return process;
    }
}
