package io.electa.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An OCI registry on this machine for the image tests: Debian's {@code docker-registry}
 * (the CNCF distribution registry), serving HTTPS on a free loopback port with a self-signed
 * certificate (made by {@code openssl}) that names the registries the build talks to, so that a
 * client trusting {@link #trustStore()} and reaching this registry through {@link RegistryTunnel}
 * sees the registry it asked for.
 */
final class LocalRegistry implements AutoCloseable {
    static final String TRUST_STORE_PASSWORD = "electa-test";
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final String MANIFEST_TYPES = String.join(",",
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v2+json");

    private final Process process;
    private final Path log;
    private final int port;
    private final Path trustStore;
    private final HttpClient http;

    private LocalRegistry(Process process, Path log, int port, Path trustStore, HttpClient http) {
        this.process = process;
        this.log = log;
        this.port = port;
        this.trustStore = trustStore;
        this.http = http;
    }

    /** Starts the registry, its storage and certificate in {@code dir}, its certificate naming {@code hosts}. */
    static LocalRegistry start(Path dir, List<String> hosts) throws IOException, InterruptedException {
        Path cert = dir.resolve("registry.crt");
        Path key = dir.resolve("registry.key");
        List<String> names = new ArrayList<>();
        hosts.forEach(h -> names.add("DNS:" + h));
        names.add("IP:127.0.0.1");
        run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-days", "2", "-subj", "/CN=electa test registry", "-addext", "subjectAltName=" + String.join(",", names),
                "-keyout", key.toString(), "-out", cert.toString());
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: info
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:0
                  tls:
                    certificate: %s
                    key: %s
                """.formatted(dir.resolve("storage"), cert, key));
        Path log = dir.resolve("registry.log");
        Process process;
        try {
            process = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new IllegalStateException("docker-registry (Debian's package docker-registry, the distribution"
                    + " registry) is needed to test the images and was not found on PATH: .ci/run installs it"
                    + " (apt-get install docker-registry)", e);
        }
        int port = awaitPort(process, log);
        Path trustStore = trustStoreWith(readCertificate(cert), dir.resolve("truststore.p12"));
        HttpClient http = HttpClient.newBuilder().sslContext(sslContext(trustStore))
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        return new LocalRegistry(process, log, port, trustStore, http);
    }

    int port() {
        return port;
    }

    /** The JDK's trusted authorities plus this registry's certificate (PKCS#12, {@link #TRUST_STORE_PASSWORD}). */
    Path trustStore() {
        return trustStore;
    }

    /** The image manifest of {@code repository:tag} (a single-platform OCI or Docker v2.2 manifest). */
    JsonNode manifest(String repository, String tag) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + tag))
                .header("Accept", MANIFEST_TYPES).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new AssertionError("no image " + repository + ":" + tag + " in the registry (HTTP "
                    + response.statusCode() + "): " + new String(response.body()));
        }
        return Overlay.JSON.readTree(response.body());
    }

    /** The repositories the registry holds. */
    JsonNode catalog() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri("/v2/_catalog")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return Overlay.JSON.readTree(response.body());
    }

    /** A blob's content, streamed. */
    InputStream blob(String repository, String digest) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(
                HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/" + digest)).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new AssertionError("no blob " + digest + " in " + repository + " (HTTP " + response.statusCode() + ")");
        }
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("https://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static int awaitPort(Process process, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            Matcher m = LISTENING.matcher(Files.readString(log));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry stopped:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new IllegalStateException("docker-registry did not listen within 30 s:\n" + Files.readString(log));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + new String(out));
        }
    }

    private static X509Certificate readCertificate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }

    private static Path trustStoreWith(X509Certificate cert, Path file) throws IOException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init((KeyStore) null);
            int i = 0;
            for (var tm : tmf.getTrustManagers()) {
                if (tm instanceof javax.net.ssl.X509TrustManager x509) {
                    for (X509Certificate ca : x509.getAcceptedIssuers()) {
                        store.setCertificateEntry("jdk-" + i++, ca);
                    }
                }
            }
            store.setCertificateEntry("electa-test-registry", cert);
            try (var out = Files.newOutputStream(file)) {
                store.store(out, TRUST_STORE_PASSWORD.toCharArray());
            }
            return file;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot write the trust store " + file, e);
        }
    }

    private static SSLContext sslContext(Path trustStore) throws IOException {
        try (InputStream in = Files.newInputStream(trustStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, TRUST_STORE_PASSWORD.toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the trust store " + trustStore, e);
        }
    }

    @Override
    public String toString() {
        return "docker-registry on 127.0.0.1:" + port + " (log " + log + ")";
    }
}
