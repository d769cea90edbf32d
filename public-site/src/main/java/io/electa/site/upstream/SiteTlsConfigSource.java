package io.electa.site.upstream;

import io.electa.client.tls.GrpcClientTls;
import io.smallrye.config.common.MapBackedConfigSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * The site's client certificate, from one setting: {@code ELECTA_CLIENT_TLS} (as for the command
 * line), a folder laid out as a Kubernetes TLS Secret ({@code tls.crt}, {@code tls.key},
 * {@code ca.crt}). When set, the site calls the registry, the tally and the observer service over
 * mutual TLS presenting that certificate. Its common name ({@code public-site}) names no service
 * of the call graph, so the services judge the site like any other client without a token: it may
 * call the public RPCs and nothing else. Unset, the site calls them in plaintext. The site's own HTTP port is plain
 * HTTP either way: TLS towards visitors ends at the Gateway.
 */
public final class SiteTlsConfigSource extends MapBackedConfigSource {
    /** The environment variable naming the folder. */
    public static final String ENV = "ELECTA_CLIENT_TLS";
    private static final Set<String> CLIENTS = Set.of("registry", "tally", "observer");

    public SiteTlsConfigSource() {
        super("electa-site-client-tls", fromEnvironment(), 275);
    }

    private static Map<String, String> fromEnvironment() {
        String dir = System.getenv(ENV);
        return dir == null || dir.isBlank() ? Map.of() : propertiesFor(Path.of(dir));
    }

    static Map<String, String> propertiesFor(Path dir) {
        return Map.copyOf(GrpcClientTls.properties(dir, CLIENTS));
    }
}
