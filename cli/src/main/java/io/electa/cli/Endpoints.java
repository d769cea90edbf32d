package io.electa.cli;

import io.electa.local.LocalSuite;
import java.nio.file.Files;
import java.nio.file.Path;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the services listen: flags, or the variables ELECTA_REGISTRY, ELECTA_TALLY and
 * ELECTA_OBSERVER, or the ports `electa up` uses on this machine.
 */
public final class Endpoints {
    @Option(names = "--registry", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT",
            defaultValue = "${env:ELECTA_REGISTRY:-localhost:9081}",
            description = "The registry (default: $ELECTA_REGISTRY or ${DEFAULT-VALUE}).")
    String registry;

    @Option(names = "--tally", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT",
            defaultValue = "${env:ELECTA_TALLY:-localhost:9082}",
            description = "The tally (default: $ELECTA_TALLY or ${DEFAULT-VALUE}).")
    String tally;

    @Option(names = "--observer", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT",
            defaultValue = "${env:ELECTA_OBSERVER:-localhost:9083}",
            description = "The observer service (default: $ELECTA_OBSERVER or ${DEFAULT-VALUE}).")
    String observer;

    @Option(names = "--tls", scope = ScopeType.INHERIT, paramLabel = "DIR|none",
            defaultValue = "${env:ELECTA_CLIENT_TLS}",
            description = "Mutual TLS: the folder of the client certificate to present (tls.crt, tls.key, and ca.crt, "
                    + "the authority to trust), or none for plaintext (default: $ELECTA_CLIENT_TLS, else the "
                    + "back-office certificate of the local run when talking to it, else plaintext).")
    String tls;

    /**
     * The client certificate folder to present, or null for plaintext: --tls or $ELECTA_CLIENT_TLS;
     * else that of the local run in {@code localHome} when it exists and this invocation joins that
     * run ({@code joined}: the demo) or talks to the ports `electa up` uses on this machine.
     */
    Path tlsIdentity(Path localHome, boolean joined) {
        if (tls != null && !tls.isBlank()) {
            return tls.equals("none") ? null : Path.of(tls);
        }
        Path local = LocalSuite.backOffice(localHome);
        boolean upsPorts = registry.equals("localhost:9081") && tally.equals("localhost:9082")
                && observer.equals("localhost:9083");
        return (joined || upsPorts) && Files.isDirectory(local) ? local : null;
    }

    public String registryAddress() {
        return registry;
    }

    public Endpoints() {
    }

    public Endpoints(String registry, String tally, String observer) {
        this.registry = registry;
        this.tally = tally;
        this.observer = observer;
    }
}
