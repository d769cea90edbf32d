package io.electa.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The packaged registry service, run as a child process of the benchmark on a free port against
 * the scratch database. Closing it stops the process (SIGTERM, then SIGKILL after a grace
 * period); a shutdown hook does the same if the benchmark itself is interrupted.
 */
final class RegistryProcess implements AutoCloseable {
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final int port;
    private final Path log;
    private final Thread killOnExit;

    private RegistryProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "stop-registry");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Starts {@code java -Xmx<heap> -jar <jar>} with ELECTA_DB and ELECTA_PORT set; output goes to {@code log}. */
    static RegistryProcess start(Path jar, String heap, String hostPortDb, String dbUser, Path log)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " not found; build it first with"
                    + " ./mvnw -B package -DskipTests -pl registry-service,benchmarks -am");
        }
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(List.of(java.toString(), "-Xmx" + heap, "-jar",
                jar.toAbsolutePath().toString()));
        builder.environment().put("ELECTA_DB", hostPortDb);
        builder.environment().put("ELECTA_DB_USER", dbUser);
        builder.environment().put("ELECTA_PORT", Integer.toString(port));
        Path logFile = log.toAbsolutePath();
        Files.createDirectories(logFile.getParent());
        builder.redirectErrorStream(true).redirectOutput(logFile.toFile());
        return new RegistryProcess(builder.start(), port, logFile);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process exits. */
    void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the registry exited with code " + process.exitValue()
                        + " during startup; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the registry was not ready within " + STARTUP_TIMEOUT + "; see " + log);
    }

    /** Peak resident set size so far (VmHWM of /proc/PID/status), in KiB; empty where /proc has none. */
    OptionalLong peakRssKib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone.
        }
        return OptionalLong.empty();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
