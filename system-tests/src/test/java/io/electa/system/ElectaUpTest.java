package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.electa.client.auth.LocalTokenKeys;
import io.electa.client.auth.SigningCaller;
import io.electa.local.ServiceProcess;
import io.electa.registry.v1.ListElectionsRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `electa up` as a user runs it (the packaged command line as its own process): it starts the
 * embedded PostgreSQL, the three services and the public site, prints their addresses, serves, and on
 * SIGTERM (as on Ctrl-C) stops the services and then the database, leaving nothing running.
 */
class ElectaUpTest {

    @Test
    void upServesUntilStoppedAndThenLeavesNothingRunning(@TempDir Path home) throws Exception {
        int registry = ServiceProcess.freePort();
        int tally = ServiceProcess.freePort();
        int observer = ServiceProcess.freePort();
        int site = ServiceProcess.freePort();
        Path out = home.resolve("up.out");
        Process up = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", electaJar().toString(), "--registry", "localhost:" + registry, "--tally", "localhost:" + tally,
                "--observer", "localhost:" + observer, "up", "--home", home.toString(), "--db", "embedded",
                "--site-port", Integer.toString(site)))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            awaitLine(out, "The suite is up", Duration.ofMinutes(3), up);
            assertThat(Files.readString(out)).contains("registry  localhost:" + registry, "tally     localhost:" + tally,
                    "observer  localhost:" + observer, "site      http://localhost:" + site, "database  127.0.0.1:");
            HttpResponse<String> front = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + site + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(front.statusCode()).as("the public site answers, having read the registry with its own "
                    + "client certificate and no token").isEqualTo(200);
            assertThat(front.body()).contains("<html lang=\"az\"");
            Path backOffice = home.resolve("tls").resolve("back-office");
            ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", registry)
                    .sslContext(GrpcSslContexts.forClient().trustManager(backOffice.resolve("ca.crt").toFile())
                            .keyManager(backOffice.resolve("tls.crt").toFile(), backOffice.resolve("tls.key").toFile())
                            .build())
                    .intercept(new SigningCaller(LocalTokenKeys.in(home.resolve("keys"))
                            .signer(LocalTokenKeys.LOCAL_ISSUER), "up-test")).build();
            assertThat(RegistryServiceGrpc.newBlockingStub(channel).listElections(ListElectionsRequest
                    .getDefaultInstance())).as("over mutual TLS with the run's back-office certificate, tokens "
                    + "signed with the run's own key verify").isNotNull();
            channel.shutdownNow();
            ManagedChannel plaintext = ManagedChannelBuilder.forAddress("127.0.0.1", registry).usePlaintext().build();
            assertThatThrownBy(() -> RegistryServiceGrpc.newBlockingStub(plaintext)
                    .withDeadlineAfter(10, TimeUnit.SECONDS).listElections(ListElectionsRequest.getDefaultInstance()))
                    .as("a local run refuses plaintext").isInstanceOf(io.grpc.StatusRuntimeException.class);
            plaintext.shutdownNow();
            assertThat(Files.exists(home.resolve("pg/postmaster.pid"))).isTrue();

            up.destroy();
            assertThat(up.waitFor(60, TimeUnit.SECONDS)).as("electa up stops within a minute").isTrue();
        } finally {
            up.destroyForcibly();
        }
        assertThat(Files.readString(out)).contains("stopping the services, then the database")
                .doesNotContain("stopped on its own");
        for (int port : new int[] {registry, tally, observer, site}) {
            assertThat(listening(port)).as("port " + port + " after stop").isFalse();
        }
        assertThat(home.resolve("pg/postmaster.pid")).as("PostgreSQL stopped").doesNotExist();
        assertThat(Files.readString(home.resolve("logs/registry-service.log"))).contains("stopped in");
    }

    /** The packaged command line (cli/target/electa.jar), built before the system tests. */
    private static Path electaJar() {
        Path jar = Path.of("..", "cli", "target", "electa.jar").toAbsolutePath().normalize();
        assertThat(jar).as("the packaged command line").exists();
        return jar;
    }

    private static void awaitLine(Path file, String text, Duration patience, Process process) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file).contains(text)) {
                return;
            }
            assertThat(process.isAlive()).as("electa up is running:\n" + (Files.exists(file) ? Files.readString(file)
                    : "")).isTrue();
            Thread.sleep(200);
        }
        throw new AssertionError("no '" + text + "' within " + patience + ":\n" + Files.readString(file));
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
