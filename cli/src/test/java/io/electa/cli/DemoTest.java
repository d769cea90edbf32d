package io.electa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `electa demo` at the tiny scale: the whole reference election day through the public RPCs, and
 * the national figures it prints are the scenario's, computed by the services.
 */
class DemoTest {

    @Test
    void theDemoAgainstARunningSuitePrintsTheScenariosFigures(@TempDir Path home) {
        List<String> args = new ArrayList<>(Cli.get().endpoints());
        args.addAll(List.of("demo", "--scale", "tiny", "--home", home.toString()));

        Cli.Run run = Cli.runExactly(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertPlayedTheDay(run, home);
        assertThat(run.out()).doesNotContain("starting PostgreSQL");
    }

    /** What every demo prints: each phase, the refusals and quarantines, the verified ledger, the figures. */
    static void assertPlayedTheDay(Cli.Run run, Path home) {
        assertThat(run.out()).contains("[ 1/12]", "[12/12]", "3 rejected", "refused: ", "CR1: ", "quarantined: XC2",
                "corrected after a recount", "rejected by the district commission", "40 observers accredited (the largest delegation: 8 from RU)",
                "OK: ledger of demo-", "Results by district:", "(nation) | 76.73 % |");
        assertThat(run.out()).containsPattern("turnout 76\\.73 %, winner Alexander Volkov 92\\.12 %\\R");
        assertThat(run.out().lines().filter(l -> l.contains("National result of")).findFirst().orElseThrow())
                .contains("(CERTIFIED)");
        try (var files = Files.walk(home.resolve("demo"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .contains("stations.csv", "voters.csv", "voters.rejected.csv")
                    .anyMatch(name -> name.endsWith("-results.json"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
