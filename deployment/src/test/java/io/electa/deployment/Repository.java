package io.electa.deployment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The repository's services, read from their own configuration (application.properties). */
final class Repository {
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(ELECTA_[A-Z0-9_]+)");

    private Repository() {
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("k8s"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no k8s/ folder above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** The gRPC services: the applications that serve gRPC. */
    static List<ServiceModule> services() {
        return applications().stream().filter(ServiceModule::servesGrpc).toList();
    }

    /** The public results site: the one application that serves no gRPC. */
    static ServiceModule site() {
        List<ServiceModule> sites = applications().stream().filter(a -> !a.servesGrpc()).toList();
        if (sites.size() != 1) {
            throw new AssertionError("expected one application without a gRPC server (the public site): " + sites);
        }
        return sites.get(0);
    }

    /** Every module with a src/main/resources/application.properties that names a Quarkus application. */
    static List<ServiceModule> applications() {
        try (Stream<Path> modules = Files.list(root())) {
            List<ServiceModule> found = new ArrayList<>();
            for (Path module : modules.sorted().toList()) {
                Path file = module.resolve("src/main/resources/application.properties");
                if (Files.isRegularFile(file)) {
                    Properties p = new Properties();
                    try (Reader reader = Files.newBufferedReader(file)) {
                        p.load(reader);
                    }
                    if (p.getProperty("quarkus.application.name") != null) {
                        found.add(new ServiceModule(module.getFileName().toString(), p));
                    }
                }
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A service module and its application.properties. */
    record ServiceModule(String module, Properties properties) {
        /** The Deployment, Service, ServiceAccount and ConfigMap name: quarkus.application.name. */
        String name() {
            return properties.getProperty("quarkus.application.name");
        }

        /** Whether it serves gRPC (the services) or only HTTP (the public site). */
        boolean servesGrpc() {
            return properties.getProperty("quarkus.grpc.server.use-separate-server") != null;
        }

        /** Its port's name in the manifests: grpc for a service, http for the site. */
        String portName() {
            return servesGrpc() ? "grpc" : "http";
        }

        /**
         * The variable naming its certificate folder: a service's ELECTA_TLS_DIR (serves and calls
         * with it), the site's ELECTA_CLIENT_TLS (calls with it only).
         */
        String tlsVariable() {
            return servesGrpc() ? io.electa.support.tls.MutualTlsConfigSource.ENV : "ELECTA_CLIENT_TLS";
        }

        /** Whether it has a database of its own. */
        boolean hasDatabase() {
            return variablesReadInProd().contains("ELECTA_DB");
        }

        /** The environment variables it reads in production (every key except other profiles'). */
        Set<String> variablesReadInProd() {
            Set<String> variables = new TreeSet<>();
            for (String key : properties.stringPropertyNames()) {
                if (key.startsWith("%") && !key.startsWith("%prod.")) {
                    continue;
                }
                Matcher m = VARIABLE.matcher(properties.getProperty(key));
                while (m.find()) {
                    variables.add(m.group(1));
                }
            }
            variables.add(tlsVariable());
            return variables;
        }

        /** Its gRPC clients: client name to the variables naming the host and the port. */
        Map<String, Address> clients() {
            Map<String, Address> clients = new LinkedHashMap<>();
            Pattern host = Pattern.compile("quarkus\\.grpc\\.clients\\.([^.]+)\\.host");
            for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                Matcher m = host.matcher(key);
                if (m.matches()) {
                    String client = m.group(1);
                    clients.put(client, new Address(variable(key), variable("quarkus.grpc.clients." + client + ".port")));
                }
            }
            return clients;
        }

        private String variable(String key) {
            String value = properties.getProperty(key);
            Matcher m = value == null ? null : VARIABLE.matcher(value);
            if (m == null || !m.find()) {
                throw new AssertionError(module + ": " + key + " is not set from an ELECTA_ variable: " + value);
            }
            return m.group(1);
        }

        /** The image the build makes (quarkus.container-image.*). */
        String image() {
            return properties.getProperty("quarkus.container-image.registry") + "/"
                    + properties.getProperty("quarkus.container-image.group") + "/"
                    + properties.getProperty("quarkus.container-image.name") + ":"
                    + properties.getProperty("quarkus.container-image.tag");
        }

        /** quarkus.shutdown.timeout in seconds (e.g. 20s). */
        long shutdownTimeoutSeconds() {
            String value = properties.getProperty("quarkus.shutdown.timeout", "").trim();
            if (!value.matches("\\d+s")) {
                throw new AssertionError(module + ": quarkus.shutdown.timeout is not a plain number of seconds: " + value);
            }
            return Long.parseLong(value.substring(0, value.length() - 1));
        }
    }

    /** The variables holding a client's host and port. */
    record Address(String hostVariable, String portVariable) {
    }
}
