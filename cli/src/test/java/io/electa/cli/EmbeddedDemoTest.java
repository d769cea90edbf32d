package io.electa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.local.ServiceProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A newcomer's first run: no suite is running and no database is configured, so `electa demo`
 * starts its own PostgreSQL from the Maven artifact (data in the home folder), the three services
 * against it, plays the day, and stops everything.
 */
class EmbeddedDemoTest {

    @Test
    void theDemoStartsAnEmbeddedDatabaseAndTheServicesItself(@TempDir Path home) {
        Cli.Run run = Cli.runExactly("--registry", "localhost:" + ServiceProcess.freePort(),
                "--tally", "localhost:" + ServiceProcess.freePort(), "--observer", "localhost:"
                        + ServiceProcess.freePort(),
                "demo", "--scale", "tiny", "--home", home.toString(), "--db", "embedded",
                "--site-port", Integer.toString(ServiceProcess.freePort()));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("starting PostgreSQL (embedded, data in " + home.resolve("pg"),
                "demo: the public results site is at http://localhost:", "stopping the suite it started");
        DemoTest.assertPlayedTheDay(run, home);
        assertThat(home.resolve("pg/PG_VERSION")).exists();
        assertThat(home.resolve("badge-signing-key")).exists();
        assertThat(home.resolve("ledger-signing-key")).exists();
        assertThat(home.resolve("tls/back-office/tls.crt")).as("the day was played over mutual TLS: the services "
                + "refuse plaintext, and the demo presented the run's back-office certificate").exists();
        assertThat(Files.isRegularFile(home.resolve("logs/registry-service.log"))).isTrue();
    }
}
