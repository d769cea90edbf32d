package io.electa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Accrediting an observer and checking the badge at a station's door, offline. */
class ObserverCommandsTest {
    private final Cli cli = Cli.get();

    @Test
    void anApprovedObserversBadgeVerifiesOfflineAndAForgeryDoesNot(@TempDir Path dir) throws Exception {
        String election = Cli.newElection();
        String organisation = "org-" + election;
        cli.run("elections", "create", election, "--name", "Observed", "--day", LocalDate.now().plusDays(30).toString());
        assertThat(cli.run("organisations", "create", organisation, "--name", "Observer Mission", "--type",
                "international", "--country", "DE", "--contact", "Head of Mission", "--email", "hom@example.org")
                .exitCode()).isZero();
        String accreditation = applied(election, organisation);
        Cli.Run approved = cli.run("observers", "approve", accreditation, "--output", "csv");
        assertThat(approved.exitCode()).as(approved.toString()).isZero();
        assertThat(RollCommandsTest.csv(approved.out()).get(0).get("status")).isEqualTo("APPROVED");

        Path qr = dir.resolve("badge.txt");
        Cli.Run badge = cli.run("observers", "badge", accreditation, "--qr-file", qr.toString());
        assertThat(badge.out()).startsWith("EB1.");
        String keyId = io.electa.observer.v1.BadgePayload.parseFrom(java.util.Base64.getUrlDecoder()
                .decode(badge.out().strip().split("\\.")[1])).getKeyId();
        Path key = dir.resolve("key.pem");
        Files.writeString(key, cli.run("observers", "signing-key", keyId).out());

        Cli.Run valid = Cli.runExactly("observers", "verify-badge", "@" + qr, "--key", key.toString());
        assertThat(valid.exitCode()).as(valid.toString()).isZero();
        assertThat(valid.out()).startsWith("VALID: badge ").contains("Observer Mission");

        String text = Files.readString(qr).strip();
        String forged = text.substring(0, 10) + (text.charAt(10) == 'A' ? 'B' : 'A') + text.substring(11);
        Cli.Run refused = Cli.runExactly("observers", "verify-badge", forged, "--key", key.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(refused.out()).matches("(?s)(FORGED|MALFORMED): .*");

        cli.run("observers", "revoke", accreditation, "--reason", "left the mission");
        Cli.Run revoked = cli.run("observers", "verify-badge", "@" + qr, "--key-id", keyId, "--online");
        assertThat(revoked.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(revoked.out()).contains("VALID: badge", "online: REVOKED");
    }

    @Test
    void aRefusalCarriesItsReason() throws Exception {
        String election = Cli.newElection();
        String organisation = "org-" + election;
        cli.run("elections", "create", election, "--name", "Observed", "--day", LocalDate.now().plusDays(30).toString());
        cli.run("organisations", "create", organisation, "--name", "Parliament", "--type", "parliament", "--country",
                "FR", "--contact", "Clerk", "--email", "clerk@example.org");
        String accreditation = applied(election, organisation);
        cli.run("observers", "refuse", accreditation, "--reason", "letter of delegation missing");
        List<org.apache.commons.csv.CSVRecord> listed = RollCommandsTest.csv(cli.run("observers", "list", "-e",
                election, "--status", "refused", "--output", "csv").out());
        assertThat(listed).singleElement().satisfies(r -> {
            assertThat(r.get("status")).isEqualTo("REFUSED");
            assertThat(r.get("reason")).isEqualTo("letter of delegation missing");
        });
    }

    @Test
    void aDeployedObserverReportsAnIncidentAndTheStatisticsCountIt() throws Exception {
        String election = Cli.newElection();
        String organisation = "org-" + election;
        CountCommandsTest.expectOk("elections", "create", election, "--name", "Observed", "--day",
                LocalDate.now().plusDays(30).toString());
        CountCommandsTest.expectOk("districts", "import", "-e", election, "samples/districts.csv");
        CountCommandsTest.expectOk("stations", "import", "-e", election, "samples/stations.csv");
        CountCommandsTest.expectOk("organisations", "create", organisation, "--name", "Observer Mission", "--type",
                "international", "--country", "DE", "--contact", "Head of Mission", "--email", "hom@example.org");
        String accreditation = applied(election, organisation);
        CountCommandsTest.expectOk("observers", "approve", accreditation);
        Cli.Run assigned = cli.run("observers", "assign", accreditation, "S0002", "--output", "csv");
        assertThat(assigned.exitCode()).as(assigned.toString()).isZero();
        assertThat(RollCommandsTest.csv(assigned.out()).get(0).get("district")).isEqualTo("D001");
        CountCommandsTest.expectOk("roll", "freeze", "-e", election);
        CountCommandsTest.expectOk("polls", "open", "-e", election);
        java.time.Instant now = java.time.Instant.now();
        Cli.Run report = cli.run("observers", "report", accreditation, "S0002", "--arrived",
                now.minusSeconds(3_600).toString(), "--left", now.minusSeconds(60).toString(), "--incident",
                "campaigning:medium:Posters inside the station", "--output", "csv");
        assertThat(report.exitCode()).as(report.toString()).isZero();
        assertThat(RollCommandsTest.csv(report.out()).get(0).get("incidents")).isEqualTo("1");
        Cli.Run stats = cli.run("observers", "stats", "-e", election);
        assertThat(stats.out()).contains("observers accredited", "reports", "incidents: CAMPAIGNING",
                "station S0002: incidents / reports", "1 / 1");
    }

    private String applied(String election, String organisation) throws Exception {
        Cli.Run applied = cli.run("observers", "apply", "-e", election, "--organisation", organisation,
                "--given-name", "Jan Erik", "--family-name", "Lindqvist", "--citizenship", "SE", "--document", "P1234567",
                "--born", "1975-05-17", "--accept-code-of-conduct", "--output", "csv");
        assertThat(applied.exitCode()).as(applied.toString()).isZero();
        return RollCommandsTest.csv(applied.out()).get(0).get("accreditation");
    }
}
