package io.electa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a failed command tells the user: one line with the status, the broken fields, the documented exit code. */
class FailuresTest {
    private final Cli cli = Cli.get();

    @Test
    void anUnknownElectionIsNotFound() {
        Cli.Run run = cli.run("elections", "show", "no-such-election");
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).startsWith("error: NOT_FOUND").doesNotContain("Exception", "\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void invalidInputListsTheBrokenFields() {
        Cli.Run run = cli.run("elections", "create", "Not An Id", "--name", " ", "--day", "2027-03-14");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(3);
        assertThat(run.err()).startsWith("error: INVALID_ARGUMENT").contains("  election_id: ", "  name: ")
                .doesNotContain("Exception");
    }

    @Test
    void aDuplicateIsAlreadyExistsAndTheWrongStateIsAFailedPrecondition() {
        String election = Cli.newElection();
        assertThat(cli.run("elections", "create", election, "--name", "Twice", "--day", "2027-03-14").exitCode())
                .isZero();
        assertThat(cli.run("elections", "create", election, "--name", "Twice", "--day", "2027-03-14").exitCode())
                .isEqualTo(5);
        Cli.Run open = cli.run("polls", "open", "-e", election);
        assertThat(open.exitCode()).as(open.toString()).isEqualTo(6);
        assertThat(open.err()).startsWith("error: FAILED_PRECONDITION");
    }

    @Test
    void aWrongCommandLineIsUsageAndAnUnreachableServiceIsTryAgainLater() {
        assertThat(cli.run("elections", "frobnicate").exitCode()).isEqualTo(ExitCodes.USAGE);
        Cli.Run unreachable = Cli.runExactly("--registry", "localhost:1", "elections", "list");
        assertThat(unreachable.exitCode()).isEqualTo(8);
        assertThat(unreachable.err()).startsWith("error: UNAVAILABLE");
    }

    @Test
    void aFileThatCannotBeReadIsALocalFailure() {
        Cli.Run run = cli.run("voters", "import", "-e", "any", "no/such/file.csv");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).startsWith("error: ").contains("no/such/file.csv").doesNotContain("Exception");
    }
}
