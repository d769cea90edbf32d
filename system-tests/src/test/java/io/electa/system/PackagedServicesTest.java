package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.local.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each packaged service carries BouncyCastle's provider jar without a signature, so that the JVM
 * does not verify the jar when the first class is loaded from it (about 0.2 s of every start). The
 * signature files are removed by name (quarkus.class-loading.removed-resources in each service's
 * application.properties); a BouncyCastle release signed with another key would bring them back.
 */
class PackagedServicesTest {

    @ParameterizedTest
    @ValueSource(strings = {"registry-service", "tally-service", "observer-service"})
    void bouncyCastleIsPackagedUnsigned(String service) throws IOException {
        Path lib = ServiceProcess.jarOf(service).toAbsolutePath().getParent().resolve("lib/main");
        List<Path> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.filter(f -> f.getFileName().toString().startsWith("org.bouncycastle.bcprov-")).toList();
        }

        assertThat(jars).hasSize(1);
        try (JarFile jar = new JarFile(jars.get(0).toFile(), true)) {
            assertThat(jar.stream().map(JarEntry::getName))
                    .noneMatch(name -> name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)") || name.startsWith("META-INF/SIG-"));
            JarEntry engine = jar.getJarEntry("org/bouncycastle/jcajce/provider/asymmetric/edec/SignatureSpi.class");
            jar.getInputStream(engine).readAllBytes(); // a signed jar's entries are verified as they are read
            assertThat(engine.getCodeSigners()).isNull();
        }
    }
}
