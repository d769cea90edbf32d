package io.electa.local;

import io.electa.client.tls.LocalCertificates;

import io.electa.client.auth.LocalTokenKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The whole suite on one machine: PostgreSQL (the embedded one in {@code home}/pg unless a server
 * is given), the three packaged services as child processes on their ports, each against its
 * own database, talking to each other and to their clients over mutual TLS with certificates of
 * the run's own authority ({@code home}/tls), and the public results site (plain HTTP on its
 * port, calling the services with its own client certificate, {@code public-site}). Closing stops
 * the site and the services gracefully (SIGTERM), then the database.
 */
public final class LocalSuite implements AutoCloseable {
    /** The databases the services use, by service. */
    /** The identity of the command line's client certificate in a local run. */
    public static final String BACK_OFFICE = "back-office";
    /** The identity of the public site's client certificate: no service, so judged as a client without a token. */
    public static final String PUBLIC_SITE = "public-site";
    public static final Map<String, String> DATABASES = Map.of(
            "registry-service", "electa_registry", "tally-service", "electa_tally",
            "observer-service", "electa_observer");

    private final Settings settings;
    private final EmbeddedDatabase embedded;
    private final List<ServiceProcess> services = new ArrayList<>();
    private final Thread stopOnExit = new Thread(this::close, "stop-electa");

    /**
     * Where and how the suite runs.
     *
     * @param home the local data folder (embedded database, badge and ledger keys, logs)
     * @param server host:port of a PostgreSQL server to use, or null for the embedded one
     * @param ports the services' ports: registry, tally, observer, and the public site's
     */
    public record Settings(Path home, String server, int registryPort, int tallyPort, int observerPort,
            int sitePort) {
        /** The site's port when none is given. */
        public static final int SITE_PORT = 9080;

        public static Settings defaults(Path home, String server) {
            return new Settings(home, server, 9081, 9082, 9083, SITE_PORT);
        }
    }

    private LocalSuite(Settings settings, EmbeddedDatabase embedded) {
        this.settings = settings;
        this.embedded = embedded;
    }

    /** Starts the database (unless given) and the three services, reporting each step to {@code progress}. */
    public static LocalSuite start(Settings settings, Consumer<String> progress) {
        EmbeddedDatabase embedded = null;
        if (settings.server() == null) {
            progress.accept("starting PostgreSQL (embedded, data in " + settings.home().resolve("pg") + ")");
            embedded = EmbeddedDatabase.start(settings.home().resolve("pg"), List.copyOf(DATABASES.values()));
        }
        LocalSuite suite = new LocalSuite(settings, embedded);
        try {
            suite.launchServices(progress);
            suite.stopInOrderOnExit();
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    public String registryAddress() {
        return "localhost:" + settings.registryPort();
    }

    public String tallyAddress() {
        return "localhost:" + settings.tallyPort();
    }

    public String observerAddress() {
        return "localhost:" + settings.observerPort();
    }

    /** The public results site's address. */
    public String siteAddress() {
        return "http://localhost:" + settings.sitePort();
    }

    /** Where PostgreSQL listens: host:port. */
    public String databaseServer() {
        return settings.server() != null ? settings.server() : "127.0.0.1:" + embedded.port();
    }

    /** Whether every service process still runs. */
    public boolean isAlive() {
        return services.stream().allMatch(ServiceProcess::isAlive);
    }

    @Override
    public synchronized void close() {
        ServiceProcess.removeHook(stopOnExit);
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (embedded != null) {
            embedded.close();
        }
    }

    /** One exit hook for the whole suite: the services drain and stop first, then the database. */
    private void stopInOrderOnExit() {
        services.forEach(ServiceProcess::detachExitHook);
        if (embedded != null) {
            embedded.detachExitHook();
        }
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    private void launchServices(Consumer<String> progress) {
        String key = badgeKey();
        Path logs = settings.home().resolve("logs");
        Map<String, String> tokens = tokenKeys();
        Map<String, Map<String, String>> env = new HashMap<>();
        env.put("registry-service", Map.of());
        env.put("tally-service", Map.of("ELECTA_REGISTRY_PORT", Integer.toString(settings.registryPort()),
                "ELECTA_LEDGER_SIGNING_KEY", ledgerKey()));
        env.put("observer-service", Map.of("ELECTA_REGISTRY_PORT", Integer.toString(settings.registryPort()),
                "ELECTA_TALLY_PORT", Integer.toString(settings.tallyPort()), "ELECTA_BADGE_SIGNING_KEY", key));
        Map<String, Integer> ports = Map.of("registry-service", settings.registryPort(),
                "tally-service", settings.tallyPort(), "observer-service", settings.observerPort());
        LocalCertificates authority = LocalCertificates.in(certificates(settings.home()));
        authority.identity(BACK_OFFICE);
        progress.accept("starting the registry, the tally, the observer service and the public site (logs in " + logs
                + "; mutual TLS with the certificates in " + certificates(settings.home()) + ")");
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (String module : List.of("registry-service", "tally-service", "observer-service")) {
            Map<String, String> variables = new HashMap<>(env.get(module));
            variables.putAll(tokens);
            variables.put("ELECTA_DB", databaseServer() + "/" + DATABASES.get(module));
            variables.put("ELECTA_TLS_DIR", authority.identity(module.replace("-service", "")).toString());
            // The JVM as in the service's container image, with its Deployment's memory (ServiceJvm).
            Path jar = ServiceProcess.jarOf(module);
            ServiceJvm jvm = ServiceJvm.of(jar);
            variables.putAll(jvm.environment());
            starting.add(CompletableFuture.supplyAsync(() -> ServiceProcess.launch(module, jar, jvm.options(), variables,
                    ports.get(module), logs.resolve(module + ".log"))));
        }
        Map<String, String> site = Map.of("ELECTA_REGISTRY_PORT", Integer.toString(settings.registryPort()),
                "ELECTA_TALLY_PORT", Integer.toString(settings.tallyPort()),
                "ELECTA_OBSERVER_PORT", Integer.toString(settings.observerPort()),
                "ELECTA_CLIENT_TLS", authority.identity(PUBLIC_SITE).toString());
        Path siteJar = ServiceProcess.jarOf(PUBLIC_SITE);
        ServiceJvm siteJvm = ServiceJvm.of(siteJar);
        Map<String, String> siteVariables = new HashMap<>(site);
        siteVariables.putAll(siteJvm.environment());
        starting.add(CompletableFuture.supplyAsync(() -> ServiceProcess.launch(PUBLIC_SITE, siteJar, siteJvm.options(),
                siteVariables, settings.sitePort(), logs.resolve(PUBLIC_SITE + ".log"))));
        RuntimeException failed = null;
        for (CompletableFuture<ServiceProcess> service : starting) {
            try {
                services.add(service.join());
            } catch (CompletionException e) {
                failed = e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    /**
     * What the services trust to sign bearer tokens: the identity provider given in the environment
     * (ELECTA_TOKEN_KEYS or ELECTA_TOKEN_KEYS_URL, passed on as they are), or else this run's own
     * key, made once in home/keys, with which `electa token issue`, the demo and the command line
     * sign (its public half only goes to the services).
     */
    private Map<String, String> tokenKeys() {
        for (String given : List.of("ELECTA_TOKEN_KEYS", "ELECTA_TOKEN_KEYS_URL")) {
            String value = System.getenv(given);
            if (value != null && !value.isBlank()) {
                return Map.of();
            }
        }
        return Map.of("ELECTA_TOKEN_KEYS", LocalTokenKeys.in(keys(settings.home())).publicKeys(),
                "ELECTA_TOKEN_ISSUER", LocalTokenKeys.LOCAL_ISSUER);
    }

    /**
     * Where a local run in {@code home} keeps its certificates: its authority (ca.crt, ca.key) and
     * a folder per identity (registry, tally, observer, back-office) with tls.crt, tls.key, ca.crt.
     */
    public static Path certificates(Path home) {
        return home.resolve("tls");
    }

    /** The command line's client certificate folder in a local run in {@code home}. */
    public static Path backOffice(Path home) {
        return certificates(home).resolve(BACK_OFFICE);
    }

    /** Where a local run in {@code home} keeps its token signing key. */
    public static Path keys(Path home) {
        return home.resolve("keys");
    }

    /** The observer's badge-signing key: ELECTA_BADGE_SIGNING_KEY, or one made once and kept in home. */
    private String badgeKey() {
        return SigningKeys.fromEnvironmentOrFile("ELECTA_BADGE_SIGNING_KEY",
                settings.home().resolve("badge-signing-key"));
    }

    /** The tally's ledger-signing key: ELECTA_LEDGER_SIGNING_KEY, or one made once and kept in home. */
    private String ledgerKey() {
        return SigningKeys.fromEnvironmentOrFile("ELECTA_LEDGER_SIGNING_KEY",
                settings.home().resolve("ledger-signing-key"));
    }
}
