package io.electa.cli;

import static io.electa.cli.CountCommandsTest.expectOk;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A district commission's work on the command line: quarantined protocols reviewed, corrected, resubmitted. */
class ReviewCommandsTest {
    private static final Cli CLI = Cli.get();
    private static final Pattern QUARANTINED = Pattern.compile("(S\\d{4}): QUARANTINED ([0-9a-f-]{36})");

    @Test
    void aQuarantinedProtocolIsCorrectedWithAReason(@TempDir Path dir) throws Exception {
        String election = CountCommandsTest.markedElection();
        String id = quarantine(election, dir);
        Cli.Run corrected = CLI.run("protocols", "correct", "-e", election, id, sampleRow(dir, "S0001"), "--reason",
                "recount: two spoilt ballots had been counted as issued", "--output", "csv");
        assertThat(corrected.exitCode()).as(corrected.toString()).isZero();
        assertThat(RollCommandsTest.csv(corrected.out()).get(0).get("status")).isEqualTo("ACCEPTED");
        Cli.Run history = CLI.run("protocols", "show", "-e", election, "--station", "S0001", "--output", "csv");
        assertThat(RollCommandsTest.csv(history.out())).extracting(r -> r.get("status"))
                .containsExactlyInAnyOrder("SUPERSEDED", "ACCEPTED");
    }

    @Test
    void aRejectedProtocolIsSubmittedAgain(@TempDir Path dir) throws Exception {
        String election = CountCommandsTest.markedElection();
        String id = quarantine(election, dir);
        Cli.Run rejected = CLI.run("protocols", "review", "-e", election, "reject", id, "--text",
                "figures disagree with the marked roll");
        assertThat(rejected.exitCode()).as(rejected.toString()).isZero();
        assertThat(rejected.out()).contains("REJECTED");
        Cli.Run again = CLI.run("protocols", "submit", "-e", election, sampleRow(dir, "S0001"));
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out()).contains("1 accepted");
    }

    @Test
    void anAbsenteeVoterIsMarkedAtTheStationOfTheCertificate() throws Exception {
        String election = Cli.newElection();
        expectOk("elections", "create", election, "--name", "Absentee", "--day", "2027-03-14");
        expectOk("districts", "import", "-e", election, "samples/districts.csv");
        expectOk("stations", "import", "-e", election, "samples/stations.csv");
        expectOk("voters", "import", "-e", election, "samples/voters.csv");
        expectOk("roll", "freeze", "-e", election);
        Cli.Run issued = CLI.run("certificates", "issue", "-e", election, "1001267051", "--station", "S0003",
                "--output", "csv");
        assertThat(issued.exitCode()).as(issued.toString()).isZero();
        assertThat(RollCommandsTest.csv(issued.out()).get(0).get("home")).isEqualTo("S0001");
        Cli.Run other = CLI.run("certificates", "issue", "-e", election, "1000000016", "--station", "S0004",
                "--output", "csv");
        String otherId = RollCommandsTest.csv(other.out()).get(0).get("certificate");
        assertThat(CLI.run("certificates", "cancel", "-e", election, otherId, "--reason", "voter stays home").out())
                .contains("CANCELLED");
        expectOk("polls", "open", "-e", election);
        Cli.Run marked = CLI.run("mark", "-e", election, "1001267051", "--station", "S0003", "--output", "csv");
        assertThat(marked.exitCode()).as(marked.toString()).isZero();
        assertThat(RollCommandsTest.csv(marked.out()).get(0).get("absentee")).isEqualTo("yes");
        List<org.apache.commons.csv.CSVRecord> turnout = RollCommandsTest.csv(CLI.run("turnout", "show", "-e",
                election, "--by-district", "--output", "csv").out());
        assertThat(turnout).isNotEmpty();
        assertThat(RollCommandsTest.csv(CLI.run("turnout", "show", "-e", election, "--output", "csv").out()).get(0)
                .get("voted")).isEqualTo("1");
        assertThat(CLI.run("stations", "find", "-e", election, "S0003").out()).contains("School No. 7");
    }

    /** Submits S0001's sample protocol with one more ballot issued than voters marked: quarantined; its id. */
    private static String quarantine(String election, Path dir) throws Exception {
        Path file = dir.resolve("wrong.csv");
        List<String> lines = Files.readAllLines(Cli.SAMPLES.resolve("protocols.csv"));
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("S0001,5,10,0,4,0,6,4,0,0,4,3,1,0",
                "S0001,5,10,0,5,0,5,5,0,1,4,3,1,0")));
        Cli.Run run = CLI.run("protocols", "submit", "-e", election, file.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Matcher quarantined = QUARANTINED.matcher(run.out());
        assertThat(quarantined.find()).as(run.out()).isTrue();
        assertThat(run.out()).contains("XC2");
        return quarantined.group(2);
    }

    private static String sampleRow(Path dir, String station) throws Exception {
        Path file = dir.resolve(station + ".csv");
        List<String> lines = Files.readAllLines(Cli.SAMPLES.resolve("protocols.csv"));
        Files.write(file, List.of(lines.get(0), lines.stream().filter(l -> l.startsWith(station + ",")).findFirst()
                .orElseThrow()));
        return file.toString();
    }
}
