package io.electa.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import io.electa.deployment.Repository.ServiceModule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Builds the three services' images the way the README says (the services' own Maven build with
 * {@code -Dquarkus.container-image.build=true -Dquarkus.container-image.push=true}, so
 * quarkus-container-image-jib, no Docker daemon), pushes them to a registry on this machine and
 * reads them back over the registry API: name and tag, entrypoint and JVM memory settings, user,
 * port and layers, checked against the rendered k8s/ overlays.
 *
 * <p>The build runs with the services' production configuration unchanged: it pulls the pinned
 * base image and pushes {@code ghcr.io/electa/<service>:1.0.0}; Jib reaches both through
 * {@link RegistryTunnel}, which sends those two hosts, and nothing else, to {@link LocalRegistry}.
 * The base image there is a stand-in that this test builds with jib-core (the real one cannot be
 * pulled on this machine): a single small layer, no user, no environment. So what the image
 * holds of the base (a JRE, {@code run-java.sh}) is not tested here; everything Quarkus adds to it is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContainerImagesTest {
    private static final List<ServiceModule> SERVICES = Repository.services();
    private static final String RUN_JAVA = "/opt/jboss/container/java/run/run-java.sh";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(15);

    private final Map<String, Overlay> rendered = new HashMap<>();
    private final Map<String, JsonNode> manifests = new HashMap<>();
    private final Map<String, JsonNode> configs = new HashMap<>();
    private final Map<String, List<Layer>> layers = new HashMap<>();
    private Path work;
    private LocalRegistry registry;
    private RegistryTunnel tunnel;
    private ImageReference base;
    private List<String> baseLayers;
    private Duration buildTime;

    /** One layer of an image: its digest, compressed size and the paths it holds. */
    record Layer(String digest, long size, Map<String, Integer> modes) {
        boolean holds(String path) {
            return modes.containsKey(path);
        }

        boolean holdsUnder(String dir) {
            return modes.keySet().stream().anyMatch(p -> p.startsWith(dir) && !p.equals(dir));
        }
    }

    @BeforeAll
    void buildAndPushTheImages() throws Exception {
        work = Repository.root().resolve("deployment/target/container-images");
        deleteRecursively(work);
        Files.createDirectories(work);
        base = reference(commonProperty("quarkus.jib.base-jvm-image"));
        String target = commonProperty("quarkus.container-image.registry");
        List<String> hosts = List.of(target, base.getRegistry());
        registry = LocalRegistry.start(work, hosts);
        tunnel = RegistryTunnel.open(hosts, registry.port());
        baseLayers = pushStandInBase();
        long start = System.nanoTime();
        buildServices();
        buildTime = Duration.ofNanos(System.nanoTime() - start);
        for (ServiceModule service : SERVICES) {
            readBack(service);
        }
        report();
    }

    @AfterAll
    void stopTheRegistry() throws Exception {
        if (tunnel != null) {
            tunnel.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theManifestsImagesAreTheOnesTheBuildPushed(String name) throws Exception {
        Overlay overlay = overlay(name);
        for (ServiceModule service : SERVICES) {
            ImageReference image = reference(container(overlay, service).getImage());
            assertThat(image.getRegistry() + ":443").as(overlay + " " + service.name() + ": registry the build pushed to")
                    .isIn(tunnel.tunnelled());
            JsonNode manifest = registry.manifest(image.getRepository(), image.getQualifier());
            assertThat(manifest.path("config").path("digest").asText()).as(service.name() + " manifest config")
                    .isEqualTo(manifests.get(service.module()).path("config").path("digest").asText());
        }
    }

    @Test
    void theBuildPushedWithoutADockerDaemonAndReachedNoOtherRegistry() throws Exception {
        assertThat(tunnel.tunnelled()).as("registries the build talked to")
                .containsExactlyInAnyOrder(commonProperty("quarkus.container-image.registry") + ":443",
                        base.getRegistry() + ":443");
        assertThat(tunnel.refused()).as("anything else asked of the proxy").isEmpty();
        String log = Files.readString(work.resolve("build.log"));
        for (ServiceModule service : SERVICES) {
            assertThat(log).as("jib pushed " + service.image()).contains("Pushed container image " + service.image());
        }
        assertThat(registry.catalog().path("repositories")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of(base.getRepository()),
                        SERVICES.stream().map(s -> reference(s.image()).getRepository())).toList());
    }

    @Test
    void everyImageIsLayeredOnThePinnedBaseImage() {
        assertThat(base.getQualifier()).as("base image tag").matches("[0-9][^:]*").isNotEqualTo("latest");
        for (ServiceModule service : SERVICES) {
            List<String> digests = layers.get(service.module()).stream().map(Layer::digest).toList();
            assertThat(digests.subList(0, baseLayers.size())).as(service.name() + ": the base's layers first")
                    .isEqualTo(baseLayers);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theImageStartsTheJvmWithTheHeapShareTheManifestsSizeTheMemoryFor(String name) {
        Overlay overlay = overlay(name);
        for (ServiceModule service : SERVICES) {
            JsonNode config = configs.get(service.module()).path("config");
            // Quarkus starts a UBI OpenJDK runtime base with its run-java.sh, handing it the JVM
            // arguments in JAVA_OPTS_APPEND (appended last, so they win over the script's defaults).
            assertThat(strings(config.path("Entrypoint"))).as(service.name() + " entrypoint").containsExactly(RUN_JAVA);
            assertThat(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull() || config.path("Cmd").isEmpty())
                    .as(service.name() + " no Cmd").isTrue();
            Map<String, String> env = env(config);
            assertThat(env).as(service.name() + " image environment")
                    .containsEntry("JAVA_APP_JAR", workingDirectory(service) + "/quarkus-run.jar");
            List<String> appended = List.of(env.getOrDefault("JAVA_OPTS_APPEND", "").split(" "));
            List<String> configured = List.of(service.properties().getProperty("quarkus.jib.jvm-additional-arguments").split(","));
            assertThat(appended).as(service.name() + " JAVA_OPTS_APPEND").containsAll(configured)
                    .anyMatch(a -> a.startsWith("-XX:MaxRAMPercentage="))
                    .noneMatch(a -> a.startsWith("-Xmx") || a.startsWith("-Xms"));
            // The collector: run-java.sh puts GC_CONTAINER_OPTIONS on the command line (a second
            // collector among the appended arguments would stop the JVM: "multiple garbage collectors").
            assertThat(env).as(service.name() + " GC_CONTAINER_OPTIONS").containsEntry("GC_CONTAINER_OPTIONS",
                    service.properties().getProperty("quarkus.jib.environment-variables.GC_CONTAINER_OPTIONS"));
            assertThat(configured).as(service.name() + ": no collector among the appended arguments")
                    .noneMatch(a -> a.matches("-XX:\\+Use\\w+GC"));

            Container c = container(overlay, service);
            assertThat(c.getCommand()).as(overlay + " " + service.name() + ": the image's entrypoint runs").isNullOrEmpty();
            assertThat(c.getArgs()).as(overlay + " " + service.name() + " args").isNullOrEmpty();
            Set<String> overriding = Set.of("JAVA_OPTS_APPEND", "JAVA_OPTS", "JAVA_OPTIONS", "JAVA_TOOL_OPTIONS",
                    "JAVA_MAX_MEM_RATIO", "JAVA_INITIAL_MEM_RATIO", "JAVA_MAX_INITIAL_MEM", "JAVA_APP_JAR");
            assertThat(c.getEnv()).extracting(EnvVar::getName).as(overlay + " " + service.name() + " env")
                    .doesNotContainAnyElementsOf(overriding);
            assertThat(overlay.configMap(service.name()).orElseThrow().getData().keySet())
                    .as(overlay + " " + service.name() + " ConfigMap").doesNotContainAnyElementsOf(overriding);
            assertThat(c.getResources().getLimits()).as(overlay + " " + service.name() + " memory limit").containsKey("memory");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theImageRunsAsTheManifestsUserAndExposesTheirPort(String name) {
        Overlay overlay = overlay(name);
        for (ServiceModule service : SERVICES) {
            JsonNode config = configs.get(service.module()).path("config");
            PodSpec pod = deployment(overlay, service).getSpec().getTemplate().getSpec();
            assertThat(config.path("User").asText()).as(service.name() + " image user")
                    .isEqualTo(String.valueOf(pod.getSecurityContext().getRunAsUser()));
            assertThat(workingDirectory(service)).as(service.name() + " working directory").startsWith("/").isNotEqualTo("/");
            Container c = container(overlay, service);
            for (ContainerPort port : c.getPorts()) {
                assertThat(config.path("ExposedPorts").has(port.getContainerPort() + "/tcp"))
                        .as(overlay + " " + service.name() + ": the image exposes port " + port.getName()).isTrue();
            }
        }
    }

    @Test
    void theApplicationLayersHoldTheFastJarWithElectasCodeAfterTheThirdPartyLibraries() {
        for (ServiceModule service : SERVICES) {
            List<Layer> app = appLayers(service);
            String dir = workingDirectory(service);
            String libs = dir + "/lib/main/";
            int thirdParty = indexOf(app, l -> l.modes().keySet().stream().anyMatch(p -> p.startsWith(libs + "io.quarkus.")),
                    service, "third-party libraries");
            int electa = indexOf(app, l -> l.modes().keySet().stream().anyMatch(p -> p.startsWith(libs + "io.electa.")),
                    service, "Electa's libraries");
            int run = indexOf(app, l -> l.holds(dir + "/quarkus-run.jar"), service, "quarkus-run.jar");
            int own = indexOf(app, l -> l.holdsUnder(dir + "/app/"), service, "the service's own classes");
            indexOf(app, l -> l.holdsUnder(dir + "/lib/boot/"), service, "boot libraries");
            indexOf(app, l -> l.holdsUnder(dir + "/quarkus/"), service, "the generated application");
            assertThat(electa).as(service.name() + ": Electa's (snapshot) libraries in their own layer after the third-party ones")
                    .isGreaterThan(thirdParty);
            assertThat(app.get(electa).modes().keySet()).as(service.name() + " Electa layer: only Electa's libraries")
                    .filteredOn(p -> !p.endsWith("/")).allMatch(p -> p.startsWith(libs + "io.electa."));
            // A change to Electa's code re-pushes only the layers after the third-party libraries.
            assertThat(own).as(service.name() + ": its own classes after the third-party libraries").isGreaterThan(thirdParty);
            assertThat(run).as(service.name() + ": quarkus-run.jar after the third-party libraries").isGreaterThan(thirdParty);
        }
    }

    @Test
    void everyFileOfTheApplicationIsReadableByTheImagesUser() {
        for (ServiceModule service : SERVICES) {
            for (Layer layer : appLayers(service)) {
                layer.modes().forEach((path, mode) -> assertThat(mode & 0004)
                        .as(service.name() + " " + path + " mode " + Integer.toOctalString(mode) + " readable by others (uid 185)")
                        .isNotZero());
            }
        }
    }

    // The build.

    private List<String> pushStandInBase() throws Exception {
        Path content = Files.createDirectories(work.resolve("stand-in")).resolve("README");
        Files.writeString(content, "A stand-in for " + base + ", built by ContainerImagesTest: the real base cannot be"
                + " pulled where the tests run.\n");
        String at = "127.0.0.1:" + registry.port() + "/" + base.getRepository() + ":" + base.getQualifier();
        Jib.fromScratch()
                .addFileEntriesLayer(FileEntriesLayer.builder().setName("stand-in")
                        .addEntry(content, AbsoluteUnixPath.get("/opt/electa/stand-in-base/README")).build())
                .containerize(Containerizer.to(RegistryImage.named(at))
                        // The registry's certificate is this test's own; the services' build trusts it properly.
                        .setAllowInsecureRegistries(true)
                        .setBaseImageLayersCache(work.resolve("jib-cache/base"))
                        .setApplicationLayersCache(work.resolve("jib-cache/stand-in")));
        List<String> digests = new ArrayList<>();
        registry.manifest(base.getRepository(), base.getQualifier()).path("layers")
                .forEach(l -> digests.add(l.path("digest").asText()));
        return digests;
    }

    private void buildServices() throws IOException, InterruptedException {
        Path root = Repository.root();
        List<String> command = new ArrayList<>(List.of(root.resolve("mvnw").toString(), "-B", "-ntp"));
        if ("offline:true".equals(System.getProperty("electa.maven.offline"))) {
            command.add("-o");
        }
        String repo = System.getProperty("maven.repo.local");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of("package", "-pl", SERVICES.stream().map(ServiceModule::module).collect(Collectors.joining(",")),
                "-am", "-DskipTests", "-Delecta.db.setup.skip=true",
                "-Dquarkus.container-image.build=true", "-Dquarkus.container-image.push=true",
                // Jib's caches in target/, not the user's: the base here is a stand-in.
                "-Dquarkus.jib.base-image-layers-cache=" + work.resolve("jib-cache/base"),
                "-Dquarkus.jib.application-layers-cache=" + work.resolve("jib-cache/app")));
        ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("build.log").toFile());
        pb.environment().put("MAVEN_OPTS", String.join(" ",
                "-Dhttps.proxyHost=127.0.0.1", "-Dhttps.proxyPort=" + tunnel.port(),
                "-Djavax.net.ssl.trustStore=" + registry.trustStore(), "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + LocalRegistry.TRUST_STORE_PASSWORD));
        // No daemon to fall back on, should anything ask for one.
        pb.environment().put("DOCKER_HOST", "unix://" + work.resolve("no-docker-daemon.sock"));
        Process process = pb.start();
        if (!process.waitFor(BUILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the image build took over " + BUILD_TIMEOUT + "; log: " + work.resolve("build.log"));
        }
        if (process.exitValue() != 0) {
            List<String> lines = Files.readAllLines(work.resolve("build.log"));
            throw new AssertionError("the image build failed (" + String.join(" ", command) + "):\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
    }

    private void readBack(ServiceModule service) throws IOException, InterruptedException {
        ImageReference image = reference(service.image());
        JsonNode manifest = registry.manifest(image.getRepository(), image.getQualifier());
        manifests.put(service.module(), manifest);
        try (InputStream in = registry.blob(image.getRepository(), manifest.path("config").path("digest").asText())) {
            configs.put(service.module(), Overlay.JSON.readTree(in));
        }
        List<Layer> read = new ArrayList<>();
        for (JsonNode l : manifest.path("layers")) {
            String digest = l.path("digest").asText();
            Map<String, Integer> modes = new LinkedHashMap<>();
            try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(
                    registry.blob(image.getRepository(), digest)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String path = "/" + entry.getName().replaceFirst("^\\./", "").replaceFirst("^/", "");
                    modes.put(path, entry.getMode());
                }
            }
            read.add(new Layer(digest, l.path("size").asLong(), modes));
        }
        layers.put(service.module(), read);
        // What was read, for a person looking into a failure.
        Files.writeString(work.resolve(service.module() + ".config.json"), configs.get(service.module()).toPrettyString());
        Files.write(work.resolve(service.module() + ".layers.txt"), read.stream()
                .flatMap(l -> Stream.concat(Stream.of(l.digest() + " " + l.size()),
                        l.modes().entrySet().stream().map(e -> "  " + Integer.toOctalString(e.getValue()) + " " + e.getKey())))
                .toList());
    }

    private void report() {
        System.out.printf("Images built and pushed by quarkus-container-image-jib in %d s (the services' Maven build"
                + " with -am, no tests)%n", buildTime.toSeconds());
        for (ServiceModule service : SERVICES) {
            List<Layer> app = appLayers(service);
            System.out.printf("  %s: %d application layers, %.1f MB compressed (%s)%n", service.image(), app.size(),
                    app.stream().mapToLong(Layer::size).sum() / 1e6,
                    app.stream().map(l -> String.format("%.1f", l.size() / 1e6)).collect(Collectors.joining(" + ")));
        }
    }

    // Helpers.

    /** The image's working directory, where Quarkus puts the fast-jar (quarkus.jib.working-directory). */
    private String workingDirectory(ServiceModule service) {
        return configs.get(service.module()).path("config").path("WorkingDir").asText();
    }

    private List<Layer> appLayers(ServiceModule service) {
        List<Layer> all = layers.get(service.module());
        return all.subList(baseLayers.size(), all.size());
    }

    private static int indexOf(List<Layer> layers, java.util.function.Predicate<Layer> test, ServiceModule service,
            String what) {
        for (int i = 0; i < layers.size(); i++) {
            if (test.test(layers.get(i))) {
                return i;
            }
        }
        throw new AssertionError(service.name() + ": no layer holds " + what);
    }

    private static ImageReference reference(String image) {
        try {
            return ImageReference.parse(image);
        } catch (com.google.cloud.tools.jib.api.InvalidImageReferenceException e) {
            throw new AssertionError("not an image reference: " + image, e);
        }
    }

    private static String commonProperty(String key) {
        Set<String> values = new TreeSet<>();
        for (ServiceModule service : SERVICES) {
            String value = service.properties().getProperty(key);
            assertThat(value).as(service.module() + " " + key).isNotBlank();
            values.add(value);
        }
        assertThat(values).as("every service's " + key).hasSize(1);
        return values.iterator().next();
    }

    private static List<String> strings(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }

    private static Map<String, String> env(JsonNode config) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : strings(config.path("Env"))) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        return env;
    }

    private Overlay overlay(String name) {
        return rendered.computeIfAbsent(name, Overlay::render);
    }

    private static Deployment deployment(Overlay overlay, ServiceModule service) {
        return overlay.deployment(service.name())
                .orElseThrow(() -> new AssertionError(overlay + ": no Deployment " + service.name()));
    }

    private static Container container(Overlay overlay, ServiceModule service) {
        List<Container> containers = deployment(overlay, service).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).as(service.name() + " containers").hasSize(1);
        return containers.get(0);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
