package io.electa.support.tls;

import io.electa.client.tls.GrpcClientTls;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Mutual TLS for a service, from one setting: {@code ELECTA_TLS_DIR} (or the system property
 * {@code electa.tls.dir}), a folder laid out as a Kubernetes TLS Secret made by cert-manager:
 * {@code tls.crt} and {@code tls.key} (the service's certificate, whose common name names the
 * service) and {@code ca.crt} (the commission's authority). When it is set, the service serves
 * only TLS on its port (plaintext connections are refused), asks every client for a certificate
 * of that authority (the inbound guard refuses gRPC calls without one; health and metrics stay
 * readable without one, for Kubernetes probes), and calls the registry and the tally with its own
 * certificate. Unset, nothing changes: the service speaks plaintext (tests, local runs).
 */
public final class MutualTlsConfigSource extends MapBackedConfigSource {
    /** The environment variable naming the folder. */
    public static final String ENV = "ELECTA_TLS_DIR";
    /** The system property naming the folder (when the environment does not). */
    public static final String PROPERTY = "electa.tls.dir";
    private static final String TLS = "electa";
    private static final Set<String> CLIENTS = Set.of("registry", "tally");

    /**
     * Fixed when the service is built (Quarkus reads this source then too), so set whether TLS is
     * configured or not; without TLS it has no effect.
     */
    private static final Map<String, String> ALWAYS = Map.of("quarkus.http.ssl.client-auth", "request");

    public MutualTlsConfigSource() {
        super("electa-mutual-tls", fromEnvironment(), 275);
    }

    private static Map<String, String> fromEnvironment() {
        String dir = System.getenv(ENV);
        if (dir == null || dir.isBlank()) {
            dir = System.getProperty(PROPERTY);
        }
        return dir == null || dir.isBlank() ? ALWAYS : propertiesFor(Path.of(dir));
    }

    static Map<String, String> propertiesFor(Path dir) {
        String cert = dir.resolve("tls.crt").toString();
        String key = dir.resolve("tls.key").toString();
        String ca = dir.resolve("ca.crt").toString();
        Map<String, String> p = new HashMap<>(ALWAYS);
        p.put("quarkus.tls." + TLS + ".key-store.pem.service.cert", cert);
        p.put("quarkus.tls." + TLS + ".key-store.pem.service.key", key);
        p.put("quarkus.tls." + TLS + ".trust-store.pem.certs", ca);
        p.put("quarkus.http.tls-configuration-name", TLS);
        p.put("quarkus.http.insecure-requests", "disabled");
        p.put("quarkus.http.ssl-port", "${quarkus.http.port}");
        p.putAll(GrpcClientTls.properties(dir, CLIENTS));
        return Map.copyOf(p);
    }
}
