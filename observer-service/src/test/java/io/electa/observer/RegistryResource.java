package io.electa.observer;

import io.electa.testing.RegistryProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * For every test of this module: the real registry (its packaged jar) on a free port, and a
 * fixed free port for the service under test, so that its tally client can reach the
 * {@link FakeTally} it serves.
 */
public class RegistryResource implements QuarkusTestResourceLifecycleManager {
    private static RegistryProcess registry;

    static synchronized RegistryProcess registry() {
        return registry;
    }

    @Override
    public synchronized Map<String, String> start() {
        if (registry == null) {
            registry = RegistryProcess.start("127.0.0.1:5432/electa_registry_it");
        }
        String port = Integer.toString(registry.port());
        String self = Integer.toString(freePort());
        return Map.of("quarkus.grpc.clients.registry.host", "localhost",
                "quarkus.grpc.clients.registry.port", port,
                "quarkus.grpc.clients.registry.test-port", port,
                "quarkus.http.test-port", self,
                "quarkus.grpc.clients.tally.port", self,
                "quarkus.grpc.clients.tally.test-port", self);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void stop() {
        if (registry != null) {
            registry.stop();
            registry = null;
        }
    }
}
