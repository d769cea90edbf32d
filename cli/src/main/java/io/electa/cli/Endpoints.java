package io.electa.cli;

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
