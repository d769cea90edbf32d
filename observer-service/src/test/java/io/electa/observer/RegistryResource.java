package io.electa.observer;

import io.electa.testing.LocalService;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * For every test of this module: the real registry and the real tally (their packaged jars), each
 * on a free port against its own database, reached over gRPC like in production.
 */
public class RegistryResource implements QuarkusTestResourceLifecycleManager {
    private static LocalService registry;
    private static LocalService tally;

    static synchronized LocalService registry() {
        return registry;
    }

    static synchronized LocalService tally() {
        return tally;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (registry == null) {
            registry = LocalService.registry("127.0.0.1:5432/electa_registry_it");
            tally = LocalService.tally("127.0.0.1:5432/electa_tally_it", registry.port());
        }
        String registryPort = Integer.toString(registry.port());
        String tallyPort = Integer.toString(tally.port());
        return Map.of("quarkus.grpc.clients.registry.host", "localhost",
                "quarkus.grpc.clients.registry.port", registryPort,
                "quarkus.grpc.clients.registry.test-port", registryPort,
                "quarkus.grpc.clients.tally.host", "localhost",
                "quarkus.grpc.clients.tally.port", tallyPort,
                "quarkus.grpc.clients.tally.test-port", tallyPort);
    }

    @Override
    public synchronized void stop() {
        if (tally != null) {
            tally.stop();
            tally = null;
        }
        if (registry != null) {
            registry.stop();
            registry = null;
        }
    }
}
