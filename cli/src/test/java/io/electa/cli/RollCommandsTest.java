package io.electa.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Setting up an election's roll from files, as a commission's registrar does. */
class RollCommandsTest {
    private final Cli cli = Cli.get();

    @Test
    void anElectionIsSetUpFromTheSampleFiles() throws IOException {
        String election = Cli.newElection();
        assertThat(cli.run("elections", "create", election, "--name", "Sample election", "--day", "2027-03-14"))
                .satisfies(r -> assertThat(r.exitCode()).as(r.toString()).isZero());
        assertThat(cli.run("districts", "import", "-e", election, "samples/districts.csv").out())
                .contains("2 created");
        Cli.Run stations = cli.run("stations", "import", "-e", election, "samples/stations.csv");
        assertThat(stations.exitCode()).as(stations.toString()).isZero();
        Cli.Run voters = cli.run("voters", "import", "-e", election, "samples/voters.csv");
        assertThat(voters.exitCode()).as(voters.toString()).isZero();
        assertThat(voters.out()).contains("received 20, created 20");

        List<CSVRecord> listed = csv(cli.run("stations", "list", "-e", election, "--output", "csv").out());
        assertThat(listed).extracting(r -> r.get("station")).containsExactly("S0001", "S0002", "S0003", "S0004");
        assertThat(cli.run("where-do-i-vote", "-e", election, "1000079200", "--born", "1952-02-06").out())
                .contains("S0002");
        assertThat(cli.run("voters", "show", "-e", election, "1000079200", "--output", "json").out())
                .contains("\"family_name\": \"Ivanova\"");
    }

    @Test
    void rejectedRowsGoToAReportFileWithRowNumberAndReasonAndTheExitCodeSaysSo(@TempDir Path dir) throws IOException {
        String election = electionWithStations();
        Path file = dir.resolve("voters.csv");
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Cli.SAMPLES.resolve("voters.csv")));
        lines.add("1000000017,Mistyped,Number,1980-01-01,S0001");
        lines.add("1000000016,Twice,Listed,1980-01-01,S0001");
        lines.add("1000000024,Lost,Station,1980-01-01,S9999");
        lines.add("1000000032,Bad,Date,1980-13-45,S0001");
        Files.write(file, lines);

        Cli.Run run = cli.run("voters", "import", "-e", election, file.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ROWS_REJECTED);
        assertThat(run.out()).contains("received 24", "rejected 4");
        List<CSVRecord> report = csv(Files.readString(dir.resolve("voters.rejected.csv")));
        assertThat(report).extracting(r -> r.get("row_number")).containsExactlyInAnyOrder("21", "22", "23", "24");
        assertThat(report).allSatisfy(r -> assertThat(r.get("reason")).isNotBlank());
        assertThat(cli.run("voters", "show", "-e", election, "1000079200").exitCode()).isZero();
    }

    @Test
    void theFrozenRollsDigestIsPrintedAndTheSameWhenAskedAgain() throws IOException {
        String election = electionWithStations();
        cli.run("voters", "import", "-e", election, "samples/voters.csv");
        Cli.Run frozen = cli.run("roll", "freeze", "-e", election, "--output", "csv");
        assertThat(frozen.exitCode()).as(frozen.toString()).isZero();
        Cli.Run digest = cli.run("roll", "digest", "-e", election, "--stations", "--output", "csv");
        List<CSVRecord> rows = csv(digest.out());
        assertThat(rows).hasSize(5);
        CSVRecord whole = rows.get(4);
        assertThat(whole.get("voters")).isEqualTo("20");
        assertThat(whole.get("sha256")).matches("[0-9a-f]{64}").isEqualTo(csv(frozen.out()).get(0).get("sha256"));
    }

    /** An election with the sample districts and stations. */
    private String electionWithStations() {
        String election = Cli.newElection();
        cli.run("elections", "create", election, "--name", "Sample election", "--day", "2027-03-14");
        cli.run("districts", "import", "-e", election, "samples/districts.csv");
        cli.run("stations", "import", "-e", election, "samples/stations.csv");
        return election;
    }

    static List<CSVRecord> csv(String text) throws IOException {
        try (Reader reader = new java.io.StringReader(text)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }
}
