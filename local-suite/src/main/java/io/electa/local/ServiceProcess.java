package io.electa.local;

import io.electa.client.tls.Authority;
import io.electa.client.tls.LocalCertificates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Electa service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as a
 * child process on a given port, for tests and benchmarks that must cross real process and
 * network boundaries. Launching waits until {@code /q/health/ready} answers; closing stops the
 * process (SIGTERM, then SIGKILL after a grace period), as does a shutdown hook.
 */
public final class ServiceProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    /** How often readiness is asked while starting (fine enough to time a start of about a second). */
    private static final Duration READY_POLL = Duration.ofMillis(25);

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;
    private final Thread killOnExit;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
        this.killOnExit = new Thread(process::destroyForcibly, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts {@code java <jvmArgs> -jar <jar>} with ELECTA_PORT={@code port} and {@code env}, output
     * appended to {@code log}, and waits until it is ready.
     */
    public static ServiceProcess launch(String name, Path jar, List<String> jvmArgs, Map<String, String> env,
            int port, Path log) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " not found: package " + name + " first"
                    + " (./mvnw verify from the repository root builds it before the modules that use it)");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("ELECTA_PORT", Integer.toString(port));
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            ServiceProcess service = new ServiceProcess(name, builder.start(), port, log.toAbsolutePath());
            service.awaitReady(env.get("ELECTA_TLS_DIR"));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    /**
     * The packaged jar of {@code module}: under the repository named by the system property
     * {@code electa.root} (bin/electa sets it), else looked for from the working directory upwards.
     */
    public static Path jarOf(String module) {
        String root = System.getProperty("electa.root");
        if (root != null) {
            return Path.of(root, module, "target/quarkus-app/quarkus-run.jar");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        return Path.of(module, "target/quarkus-app/quarkus-run.jar");
    }

    /** A port nobody listens on right now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return log;
    }

    /** Resident set size now (VmRSS in /proc/PID/status), in KiB; empty where /proc has none. */
    public OptionalLong rssKib() {
        return status("VmRSS:");
    }

    /** Peak resident set size so far (VmHWM in /proc/PID/status), in KiB; empty where /proc has none. */
    public OptionalLong peakRssKib() {
        return status("VmHWM:");
    }

    /** A size field of /proc/PID/status in KiB; empty where /proc has none. */
    private OptionalLong status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // Not Linux, or the process is gone.
        }
        return OptionalLong.empty();
    }

    /** Kills the process at once (SIGKILL), as a crash would: nothing is finished or flushed. */
    public void kill() {
        removeHook(killOnExit);
        try {
            process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Leaves stopping at exit to the caller (a suite that stops its parts in order). */
    void detachExitHook() {
        removeHook(killOnExit);
    }

    /** Whether the process still runs. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Stops the process with SIGTERM (a graceful shutdown), SIGKILL only after a grace period. */
    @Override
    public void close() {
        removeHook(killOnExit);
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for readiness: over HTTPS trusting the authority of {@code tlsDir} when it is set. */
    private void awaitReady(String tlsDir) {
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1));
        if (tlsDir != null) {
            client.sslContext(Authority.trusting(Path.of(tlsDir, LocalCertificates.CA)));
        }
        HttpClient http = client.build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create((tlsDir == null ? "http" : "https") + "://127.0.0.1:"
                        + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(READY_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException(name + " not ready within " + START_TIMEOUT + "; see " + log);
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook runs anyway.
        }
    }
}
