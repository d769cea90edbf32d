package io.electa.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * How a packaged service's JVM is started, read from the service's own packaged
 * {@code application.properties}, so that a local run (bin/electa, the start-up benchmark) starts it
 * as its container image does in Kubernetes:
 * <ul>
 * <li>the memory of its container, {@code electa.jvm.memory-limit-mib} (its k8s Deployment's memory
 * limit; DeploymentManifestsTest keeps the two equal), given as {@code -XX:MaxRAM} so that the JVM
 * sizes its heap from it as it does from the container's limit;</li>
 * <li>the garbage collector of {@code quarkus.jib.environment-variables."GC_CONTAINER_OPTIONS"}
 * (in the image, run-java.sh puts it on the command line);</li>
 * <li>the arguments of {@code quarkus.jib.jvm-additional-arguments} (in the image, JAVA_OPTS_APPEND);</li>
 * <li>the other variables of {@code quarkus.jib.environment-variables} as its environment.</li>
 * </ul>
 */
public record ServiceJvm(List<String> options, Map<String, String> environment) {
    static final String MEMORY_LIMIT = "electa.jvm.memory-limit-mib";
    static final String ARGUMENTS = "quarkus.jib.jvm-additional-arguments";
    static final String ENVIRONMENT = "quarkus.jib.environment-variables.";
    /** The variable run-java.sh (the base image's launcher) takes the collector from. */
    static final String GC = "GC_CONTAINER_OPTIONS";

    public ServiceJvm {
        options = List.copyOf(options);
        environment = Map.copyOf(environment);
    }

    /** The JVM of the service packaged as {@code quarkusRunJar} (…/target/quarkus-app/quarkus-run.jar). */
    public static ServiceJvm of(Path quarkusRunJar) {
        return from(packagedProperties(quarkusRunJar));
    }

    /** The JVM that {@code properties} (a service's application.properties) describe. */
    static ServiceJvm from(Properties properties) {
        String memory = properties.getProperty(MEMORY_LIMIT);
        String arguments = properties.getProperty(ARGUMENTS);
        if (memory == null || arguments == null) {
            throw new IllegalStateException("the service's application.properties sets no " + MEMORY_LIMIT + " or "
                    + ARGUMENTS);
        }
        List<String> options = new ArrayList<>();
        options.add("-XX:MaxRAM=" + Integer.parseInt(memory.trim()) + "m");
        Map<String, String> environment = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames().stream().sorted().toList()) {
            if (key.startsWith(ENVIRONMENT)) {
                String name = key.substring(ENVIRONMENT.length()).replace("\"", "");
                String value = properties.getProperty(key).trim();
                if (name.equals(GC)) {
                    options.addAll(Arrays.asList(value.split("\\s+")));
                } else {
                    environment.put(name, value);
                }
            }
        }
        Stream.of(arguments.split(",")).map(String::trim).filter(a -> !a.isEmpty()).forEach(options::add);
        return new ServiceJvm(options, environment);
    }

    /** The application.properties inside the service's packaged application jar (quarkus-app/app/*.jar). */
    private static Properties packagedProperties(Path quarkusRunJar) {
        Path app = quarkusRunJar.toAbsolutePath().getParent().resolve("app");
        if (!Files.isDirectory(app)) {
            throw new IllegalStateException(quarkusRunJar.toAbsolutePath() + " not found: package the service first"
                    + " (./mvnw verify from the repository root builds it before the modules that use it)");
        }
        try (Stream<Path> jars = Files.list(app)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    var entry = file.getJarEntry("application.properties");
                    if (entry != null) {
                        Properties properties = new Properties();
                        try (InputStream in = file.getInputStream(entry)) {
                            properties.load(in);
                        }
                        return properties;
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged configuration in " + app, e);
        }
        throw new IllegalStateException("no application.properties in the jars of " + app);
    }
}
