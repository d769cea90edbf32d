package io.electa.cli;

import static io.electa.cli.CountCommandsTest.expectOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A station's poll book uploaded from a file: again without harm, double votes kept and listed. */
class PollBookCommandsTest {
    private static final Cli CLI = Cli.get();

    @Test
    void aPollBookUploadedAgainCountsNothingTwiceAndADoubleVoteIsListed(@TempDir Path dir) throws Exception {
        String election = Cli.newElection();
        expectOk("elections", "create", election, "--name", "Poll books", "--day", "2027-03-14");
        expectOk("districts", "import", "-e", election, "samples/districts.csv");
        expectOk("stations", "import", "-e", election, "samples/stations.csv");
        expectOk("voters", "import", "-e", election, "samples/voters.csv");
        expectOk("roll", "freeze", "-e", election);
        expectOk("polls", "open", "-e", election);

        Cli.Run first = CLI.run("pollbook", "sync", "-e", election, "samples/marks.csv");
        Cli.Run again = CLI.run("pollbook", "sync", "-e", election, "samples/marks.csv");
        Path second = dir.resolve("tablet-2.csv");
        java.time.Instant earlier = java.time.Instant.now().minusSeconds(600);
        Files.write(second, List.of("national_id,station_code,device_time", "1000000016,S0001," + earlier,
                "1001029485,S0001," + earlier.plusSeconds(60)));
        Cli.Run doubleVote = CLI.run("pollbook", "sync", "-e", election, second.toString(), "--device", "tablet-2");

        assertThat(first.exitCode()).as(first.toString()).isZero();
        assertThat(first.out()).contains("recorded 14, already recorded 0, conflicts 0, rejected 0");
        assertThat(again.out()).contains("recorded 0, already recorded 14");
        assertThat(doubleVote.exitCode()).as(doubleVote.toString()).isEqualTo(ExitCodes.ROWS_REJECTED);
        assertThat(doubleVote.out()).contains("recorded 0, already recorded 0, conflicts 1, rejected 1");
        assertThat(doubleVote.err()).contains("row 1 (S0001): CONFLICT", "row 2 (S0001): REJECTED WRONG_STATION");
        List<org.apache.commons.csv.CSVRecord> conflicts = RollCommandsTest.csv(CLI.run("pollbook", "conflicts", "-e",
                election, "--output", "csv").out());
        assertThat(conflicts).singleElement().satisfies(c -> {
            assertThat(c.get("voter")).isEqualTo("1000000016");
            assertThat(c.get("device")).isEqualTo("tablet-2");
            assertThat(c.get("counted at")).isEqualTo("S0001");
        });
        assertThat(RollCommandsTest.csv(CLI.run("turnout", "show", "-e", election, "--output", "csv").out()).get(0)
                .get("voted")).isEqualTo("14");
    }
}
