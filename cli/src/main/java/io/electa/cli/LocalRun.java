package io.electa.cli;

import io.electa.local.LocalSuite;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Where `electa up` and `electa demo` keep the suite they start: the data folder (the embedded
 * PostgreSQL in pg/, the badge-signing key, logs, the demo's files), the database server when
 * one is given instead of the embedded one, and the public site's port.
 */
public final class LocalRun {
    @Option(names = "--home", paramLabel = "DIR", description = "The local data folder (default: $ELECTA_HOME, or "
            + ".electa in the repository).")
    Path home;
    @Option(names = "--db", paramLabel = "HOST:PORT", defaultValue = "${env:ELECTA_DB}", description = "A PostgreSQL "
            + "server to use (role electa, password electa, databases electa_registry, electa_tally, electa_observer); "
            + "default: $ELECTA_DB, else the embedded one (also when given as `embedded`).")
    String database;
    @Option(names = "--site-port", paramLabel = "PORT", defaultValue = "${env:ELECTA_SITE_PORT}", description = "The "
            + "public results site's port (default: $ELECTA_SITE_PORT, else 9080).")
    Integer sitePort;

    /** The settings of a suite on the ports of {@code endpoints}. */
    public LocalSuite.Settings settings(Endpoints endpoints) {
        boolean embedded = database == null || database.isBlank() || database.equals("embedded");
        return new LocalSuite.Settings(home(), embedded ? null : database,
                port(endpoints.registry), port(endpoints.tally), port(endpoints.observer),
                sitePort != null ? sitePort : LocalSuite.Settings.SITE_PORT);
    }

    /** The local data folder. */
    public Path home() {
        return home != null ? home.toAbsolutePath() : defaultHome();
    }

    /** The local data folder when none is given: $ELECTA_HOME, else .electa in the repository. */
    public static Path defaultHome() {
        String variable = System.getenv("ELECTA_HOME");
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable).toAbsolutePath();
        }
        String root = System.getProperty("electa.root");
        return (root != null ? Path.of(root) : Path.of("")).resolve(".electa").toAbsolutePath();
    }

    /** The port of a local address, host:port; a suite started here listens on localhost. */
    private static int port(String address) {
        int colon = address.lastIndexOf(':');
        String host = colon < 0 ? "" : address.substring(0, colon);
        if (!host.equals("localhost") && !host.equals("127.0.0.1")) {
            throw new Failures.UsageFailure("a suite started here listens on localhost; " + address
                    + " is elsewhere");
        }
        try {
            return Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new Failures.UsageFailure("not a host:port: " + address);
        }
    }
}
