package io.electa.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A real Electa service, as packaged by the build, running as its own process on a free port
 * against its own database (cleaned when first started). Tests of the services that call it use
 * it to cross real process and network boundaries, and stop and restart it to see how their
 * service behaves while it is down.
 */
public final class LocalService implements AutoCloseable {
    private final String module;
    private final Map<String, String> env;
    private final int port;
    private ServiceProcess process;

    private LocalService(String module, Map<String, String> env) {
        this.module = module;
        this.env = env;
        this.port = ServiceProcess.freePort();
    }

    /** The registry against {@code database} (host:port/name on the local PostgreSQL). */
    public static LocalService registry(String database) {
        return start("registry-service", Map.of("ELECTA_DB", database));
    }

    /** The tally against {@code database}, calling the registry on {@code registryPort}. */
    public static LocalService tally(String database, int registryPort) {
        return start("tally-service", Map.of("ELECTA_DB", database,
                "ELECTA_REGISTRY_PORT", Integer.toString(registryPort)));
    }

    private static LocalService start(String module, Map<String, String> env) {
        LocalService service = new LocalService(module, env);
        service.launch(true);
        return service;
    }

    /** The port gRPC (and health) listens on. */
    public int port() {
        return port;
    }

    /** Stops the service (as a crash or an outage would look to its callers). */
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
        process = ServiceProcess.launch(module, ServiceProcess.jarOf(module),
                List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.flyway.clean-at-start=" + clean,
                        "-Dquarkus.flyway.clean-disabled=false"),
                env, port, Path.of("target", module + "-process.log"));
    }
}
