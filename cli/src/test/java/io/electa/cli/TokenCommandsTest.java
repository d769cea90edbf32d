package io.electa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.client.auth.LocalTokenKeys;
import io.electa.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acting with a token: issued from a local run's key, presented by flag or file, or none at all. */
class TokenCommandsTest {
    private final Cli cli = Cli.get();

    @Test
    void aTokenIssuedFromTheLocalKeyIsPresentedAndItsRoleDecides(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve("keys"));
        Files.copy(TestTokens.FOLDER.resolve(LocalTokenKeys.FILE), home.resolve("keys").resolve(LocalTokenKeys.FILE));
        Cli.Run admin = Cli.runExactly("token", "issue", "--home", home.toString(), "--role", "COMMISSION_ADMIN",
                "--subject", "olga");
        assertThat(admin.exitCode()).as(admin.toString()).isZero();
        Cli.Run auditor = Cli.runExactly("token", "issue", "--home", home.toString(), "--role", "AUDITOR");
        Path tokenFile = home.resolve("auditor.jwt");
        Files.writeString(tokenFile, auditor.out().strip());

        String election = Cli.newElection();
        Cli.Run created = asOnly(List.of("--token", admin.out().strip()), "elections", "create", election,
                "--name", "Token election", "--day", "2027-03-14");
        assertThat(created.exitCode()).as(created.toString()).isZero();

        Cli.Run refused = asOnly(List.of("--token-file", tokenFile.toString()), "polls", "open", "-e", election);
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.of(io.grpc.Status.Code.PERMISSION_DENIED));
        assertThat(refused.err()).contains("PERMISSION_DENIED", "COMMISSION_ADMIN");

        Cli.Run trail = asOnly(List.of("--token-file", tokenFile.toString()), "audit", "list", "-e", election,
                "-o", "csv");
        assertThat(trail.exitCode()).as(trail.toString()).isZero();
        assertThat(trail.out()).as("who created the election, and not the refused opening")
                .contains("registry,olga,COMMISSION_ADMIN,,CreateElection," + election).doesNotContain("OpenPolls");
        Cli.Run badInstant = asOnly(List.of("--token", admin.out().strip()), "audit", "list", "--service",
                "tally", "--since", "yesterday");
        assertThat(badInstant.exitCode()).as(badInstant.toString()).isEqualTo(ExitCodes.USAGE);

        Cli.Run anonymous = asOnly(List.of("--signing-keys", home.resolve("none").toString()), "roll", "freeze",
                "-e", election);
        assertThat(anonymous.exitCode()).as(anonymous.toString()).isEqualTo(ExitCodes.of(io.grpc.Status.Code.PERMISSION_DENIED));
        assertThat(anonymous.err()).contains("UNAUTHENTICATED");
        Cli.Run publicRead = asOnly(List.of("--signing-keys", home.resolve("none").toString()), "elections",
                "show", election);
        assertThat(publicRead.exitCode()).as(publicRead.toString()).isZero();
    }

    @Test
    void withoutALocalKeyNoTokenIsIssued(@TempDir Path home) {
        Cli.Run run = Cli.runExactly("token", "issue", "--home", home.toString(), "--role", "REGISTRAR");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("no local signing key");
    }

    /** `electa` against the suite with only {@code credentials}, not the tests' signing key. */
    private Cli.Run asOnly(List<String> credentials, String... args) {
        List<String> line = new ArrayList<>(cli.endpoints().subList(0, 6));
        line.addAll(credentials);
        line.addAll(List.of(args));
        return Cli.runExactly(line.toArray(String[]::new));
    }
}
