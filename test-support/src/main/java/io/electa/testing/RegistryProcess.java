package io.electa.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The real registry-service, as packaged by the build, running as its own process on a free port
 * against its own database. Tests of the services that call the registry use it to cross real
 * process and network boundaries, and stop it to see how their service behaves while the
 * registry is down.
 */
public final class RegistryProcess implements AutoCloseable {
    private final String database;
    private final int port;
    private ServiceProcess process;

    private RegistryProcess(String database, int port) {
        this.database = database;
        this.port = port;
    }

    /**
     * Starts the packaged registry on a free port with a clean {@code database} (host:port/name on
     * the local PostgreSQL) and waits until it reports ready.
     */
    public static RegistryProcess start(String database) {
        RegistryProcess registry = new RegistryProcess(database, ServiceProcess.freePort());
        registry.launch(true);
        return registry;
    }

    /** The port gRPC (and health) listens on. */
    public int port() {
        return port;
    }

    /** Stops the registry (as a crash or an outage would look to its callers). */
    public synchronized void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    /** Starts it again on the same port with the data it had. */
    public synchronized void restart() {
        stop();
        launch(false);
    }

    @Override
    public void close() {
        stop();
    }

    private synchronized void launch(boolean clean) {
        process = ServiceProcess.launch("registry-service", ServiceProcess.jarOf("registry-service"),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.flyway.clean-at-start=" + clean,
                        "-Dquarkus.flyway.clean-disabled=false", "-Dquarkus.log.console.json.enabled=false"),
                Map.of("ELECTA_DB", database), port, Path.of("target", "registry-process.log"));
    }
}
