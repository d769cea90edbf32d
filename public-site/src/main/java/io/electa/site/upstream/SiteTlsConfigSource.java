package io.electa.site.upstream;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The site's client certificate, from one setting: {@code ELECTA_CLIENT_TLS} (as for the command
 * line), a folder laid out as a Kubernetes TLS Secret ({@code tls.crt}, {@code tls.key},
 * {@code ca.crt}). When set, the site calls the registry, the tally and the observer service over
 * mutual TLS presenting that certificate. Its common name ({@code public-site}) names no service
 * of the call graph, so the services judge the site like any other client without a token: it may
 * call the public RPCs and nothing else. Unset, the site calls them in plaintext. The site's own HTTP port is plain
 * HTTP either way: TLS towards visitors ends at the Gateway.
 */
public final class SiteTlsConfigSource implements ConfigSource {
    /** The environment variable naming the folder. */
    public static final String ENV = "ELECTA_CLIENT_TLS";
    private static final Set<String> CLIENTS = Set.of("registry", "tally", "observer");

    private final Map<String, String> properties;

    public SiteTlsConfigSource() {
        String dir = System.getenv(ENV);
        this.properties = dir == null || dir.isBlank() ? Map.of() : propertiesFor(Path.of(dir));
    }

    static Map<String, String> propertiesFor(Path dir) {
        Map<String, String> p = new HashMap<>();
        for (String client : CLIENTS) {
            p.put("quarkus.grpc.clients." + client + ".ssl.trust-store", dir.resolve("ca.crt").toString());
            p.put("quarkus.grpc.clients." + client + ".ssl.certificate", dir.resolve("tls.crt").toString());
            p.put("quarkus.grpc.clients." + client + ".ssl.key", dir.resolve("tls.key").toString());
            p.put("quarkus.grpc.clients." + client + ".plain-text", "false");
        }
        return Map.copyOf(p);
    }

    @Override
    public Set<String> getPropertyNames() {
        return properties.keySet();
    }

    @Override
    public String getValue(String name) {
        return properties.get(name);
    }

    @Override
    public String getName() {
        return "electa-site-client-tls";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
