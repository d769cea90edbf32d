package io.electa.testing;

import io.electa.local.ServiceProcess;
import java.nio.file.Path;
import java.util.HashMap;
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
        return registry(database, Map.of());
    }

    /** As {@link #registry(String)}, with {@code more} in its environment (e.g. ELECTA_TLS_DIR). */
    public static LocalService registry(String database, Map<String, String> more) {
        return start("registry-service", Map.of("ELECTA_DB", database), more);
    }

    /**
     * The tally against {@code database}, calling the registry on {@code registryPort}, with a
     * ledger signing key made for this test run (production requires one).
     */
    public static LocalService tally(String database, int registryPort) {
        return tally(database, registryPort, Map.of());
    }

    /** As {@link #tally(String, int)}, with {@code more} in its environment. */
    public static LocalService tally(String database, int registryPort, Map<String, String> more) {
        return start("tally-service", Map.of("ELECTA_DB", database,
                "ELECTA_REGISTRY_PORT", Integer.toString(registryPort),
                "ELECTA_LEDGER_SIGNING_KEY", ServiceKeys.LEDGER), more);
    }

    /**
     * The observer service against {@code database}, calling the registry and the tally on their
     * ports, with a badge signing key made for this test run (production requires one).
     */
    public static LocalService observer(String database, int registryPort, int tallyPort) {
        return observer(database, registryPort, tallyPort, Map.of());
    }

    /** As {@link #observer(String, int, int)}, with {@code more} in its environment. */
    public static LocalService observer(String database, int registryPort, int tallyPort, Map<String, String> more) {
        return start("observer-service", Map.of("ELECTA_DB", database,
                "ELECTA_REGISTRY_PORT", Integer.toString(registryPort),
                "ELECTA_TALLY_PORT", Integer.toString(tallyPort),
                "ELECTA_BADGE_SIGNING_KEY", ServiceKeys.BADGE), more);
    }

    private static LocalService start(String module, Map<String, String> env, Map<String, String> more) {
        Map<String, String> withTokens = new HashMap<>(env);
        withTokens.putAll(more);
        withTokens.put("ELECTA_TOKEN_KEYS", TestTokens.publicKeys());
        withTokens.put("ELECTA_TOKEN_ISSUER", TestTokens.ISSUER);
        LocalService service = new LocalService(module, Map.copyOf(withTokens));
        service.launch(true);
        return service;
    }

    /** The port gRPC (and health) listens on. */
    public int port() {
        return port;
    }

    /** The service's process id, or -1 while it is stopped. */
    public synchronized long pid() {
        return process == null ? -1 : process.pid();
    }

    /** Kills the service at once (SIGKILL), as a crash would; {@link #restart()} starts it again. */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
            process = null;
        }
    }

    /** Stops the service gracefully (SIGTERM), as an operator or Kubernetes would. */
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
