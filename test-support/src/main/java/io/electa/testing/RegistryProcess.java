package io.electa.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real registry-service, as packaged by the build ({@code registry-service/target/quarkus-app}),
 * running as its own process on a free port against its own database. Tests of the services that
 * call the registry use it to cross real process and network boundaries, and stop it to see how
 * their service behaves while the registry is down.
 */
public final class RegistryProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path jar;
    private final String database;
    private final int port;
    private final Path log;
    private Process process;

    private RegistryProcess(Path jar, String database, int port, Path log) {
        this.jar = jar;
        this.database = database;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the packaged registry on a free port with a clean {@code database} (host:port/name
     * on the local PostgreSQL) and waits until it reports ready.
     */
    public static RegistryProcess start(String database) {
        Path jar = findJar();
        RegistryProcess registry = new RegistryProcess(jar, database, freePort(),
                Path.of("target", "registry-process.log").toAbsolutePath());
        registry.launch(true);
        Runtime.getRuntime().addShutdownHook(new Thread(registry::stop));
        return registry;
    }

    /** The port gRPC (and health) listens on. */
    public int port() {
        return port;
    }

    /** Stops the registry (as a crash or an outage would look to its callers). */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        process = null;
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
        List<String> command = List.of(javaBinary(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.flyway.clean-at-start=" + clean, "-Dquarkus.flyway.clean-disabled=false",
                "-Dquarkus.log.console.json.enabled=false",
                "-jar", jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("ELECTA_PORT", Integer.toString(port));
        builder.environment().put("ELECTA_DB", database);
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + jar, e);
        }
        awaitReady();
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("registry-service exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("registry-service not ready after " + START_TIMEOUT + "; see " + log);
    }

    private static Path findJar() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve("registry-service/target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IllegalStateException("registry-service is not packaged: build it first "
                + "(./mvnw verify from the repository root builds it before the services that use it)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
