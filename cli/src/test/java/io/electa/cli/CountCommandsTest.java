package io.electa.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.protobuf.ByteString;
import com.google.protobuf.util.JsonFormat;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.StreamLedgerResponse;
import io.electa.testing.ServiceKeys;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Election day and the count from the command line, on the sample files: 14 of the 20 voters
 * marked from the poll book, the four protocols submitted (CSV and JSON), the results, the
 * exports, the ledger, certification.
 */
class CountCommandsTest {
    private static final Cli CLI = Cli.get();
    private static String election;

    @BeforeAll
    static void electionDayOnTheSamples() {
        election = countedElection();
    }

    @Test
    void theResultsAreTheSumOfTheProtocols() throws Exception {
        Cli.Run run = CLI.run("results", "show", "-e", election, "--output", "json");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        Results.Builder results = Results.newBuilder();
        JsonFormat.parser().merge(run.out(), results);
        assertThat(results.getCandidatesList()).extracting(c -> c.getVotes()).containsExactly(10L, 2L, 1L);
        assertThat(results.getTurnout().getPercent()).isEqualTo("70.00");
        assertThat(results.getStationsReported()).isEqualTo(4);
        assertThat(CLI.run("results", "show", "-e", election).out()).contains("C01", "76.92 %", "turnout 70.00 %");
    }

    @Test
    void theExportsAreWrittenToFiles(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("results.csv");
        assertThat(CLI.run("results", "export", "-e", election, "--format", "csv", "--out", csv.toString())
                .exitCode()).isZero();
        assertThat(Files.readString(csv)).contains("S0001", "S0004", "C01");
        Path cdf = dir.resolve("results.json");
        assertThat(CLI.run("results", "export", "-e", election, "--out", cdf.toString()).exitCode()).isZero();
        assertThat(Files.readString(cdf)).contains("\"@type\"", "ElectionReport");
    }

    @Test
    void theLedgerVerifiesAndItsFiguresAreRecomputed() {
        Cli.Run run = CLI.run("ledger", "verify", "-e", election);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).startsWith("OK: ledger of " + election + " verifies")
                .contains("4 stations counted", "turnout 70.00 % (14 of 20)", "76.92 % of 13 valid votes");
    }

    @Test
    void verifyingTheLedgerPrintsTheKeyThatSignedItsHead() {
        Cli.Run run = CLI.run("ledger", "verify", "-e", election);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains(", signed by ledger key " + ServiceKeys.LEDGER_KEY_ID + " at ");
    }

    @Test
    void aSavedCopyVerifiesFromItsFileAndOneWithAFlippedSignatureDoesNot(@TempDir Path dir) throws Exception {
        Path copy = dir.resolve("ledger.bin");
        Cli.Run saved = CLI.run("ledger", "save", "-e", election, "--out", copy.toString());
        assertThat(saved.exitCode()).as(saved.toString()).isZero();

        Cli.Run verified = CLI.run("ledger", "verify", "-e", election, "--from-file", copy.toString());
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).startsWith("OK: ledger of " + election + " verifies")
                .contains(", signed by ledger key " + ServiceKeys.LEDGER_KEY_ID + " at ", "4 stations counted");

        Path forged = dir.resolve("forged.bin");
        try (InputStream in = Files.newInputStream(copy); OutputStream out = Files.newOutputStream(forged)) {
            StreamLedgerResponse message;
            while ((message = StreamLedgerResponse.parseDelimitedFrom(in)) != null) {
                if (message.hasSignedHead()) {
                    byte[] signature = message.getSignedHead().getSignedStatement().getSignature().toByteArray();
                    signature[0] ^= 1;
                    message = message.toBuilder().setSignedHead(message.getSignedHead().toBuilder()
                            .setSignedStatement(message.getSignedHead().getSignedStatement().toBuilder()
                                    .setSignature(ByteString.copyFrom(signature)))).build();
                }
                message.writeDelimitedTo(out);
            }
        }
        Cli.Run refused = CLI.run("ledger", "verify", "-e", election, "--from-file", forged.toString());
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(ExitCodes.LEDGER_BROKEN);
        assertThat(refused.err()).contains("does NOT verify", "the signature does not verify with key "
                + ServiceKeys.LEDGER_KEY_ID);
    }

    @Test
    void aTamperedLedgerDoesNotVerify() throws Exception {
        String tampered = countedElection();
        try (Connection db = Cli.tallyDatabase(); PreparedStatement update = db.prepareStatement(
                "UPDATE ledger_entry SET payload = payload || '\\x00'::bytea WHERE election_id = ? AND sequence = 3")) {
            update.setString(1, tampered);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        Cli.Run run = CLI.run("ledger", "verify", "-e", tampered);
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.LEDGER_BROKEN);
        assertThat(run.err()).contains("does NOT verify");
    }

    @Test
    void aProtocolThatDoesNotAddUpIsRefusedWithTheRelationNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.csv");
        List<String> lines = Files.readAllLines(Cli.SAMPLES.resolve("protocols.csv"));
        Files.write(file, List.of(lines.get(0), lines.get(1).replace("S0001,5,10,", "S0001,5,11,")));
        String other = markedElection();
        Cli.Run run = CLI.run("protocols", "submit", "-e", other, file.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.ROWS_REJECTED);
        assertThat(run.err()).contains("S0001: ", "INVALID_ARGUMENT", "CR1: ballots_received 11");
        assertThat(CLI.run("protocols", "missing", "-e", other, "--output", "csv").out()).contains("S0001");
    }

    @Test
    void certifiedResultsChangeNoMore() {
        String certified = countedElection();
        Cli.Run run = CLI.run("results", "certify", "-e", certified);
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("certified", "CERTIFIED");
        Cli.Run again = CLI.run("protocols", "submit", "-e", certified, "samples/protocols.json");
        assertThat(again.exitCode()).isEqualTo(ExitCodes.ROWS_REJECTED);
        assertThat(again.err()).contains("FAILED_PRECONDITION");
        Cli.Run watched = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> CLI.run("results", "watch", "-e", certified));
        assertThat(watched.exitCode()).as("watching ends with the certification").isZero();
        assertThat(watched.out()).contains("nation: CERTIFIED", "stations reported 4 of 4");
    }

    /** An election through the polls: roll from the samples, frozen, the sample poll book marked, polls closed. */
    static String markedElection() {
        String id = Cli.newElection();
        expectOk("elections", "create", id, "--name", "Sample election", "--day", "2027-03-14");
        expectOk("districts", "import", "-e", id, "samples/districts.csv");
        expectOk("stations", "import", "-e", id, "samples/stations.csv");
        expectOk("voters", "import", "-e", id, "samples/voters.csv");
        expectOk("candidates", "define", "-e", id, "samples/candidates.csv");
        expectOk("roll", "freeze", "-e", id);
        expectOk("polls", "open", "-e", id);
        expectOk("pollbook", "sync", "-e", id, "samples/marks.csv");
        expectOk("polls", "close", "-e", id);
        return id;
    }

    /** {@link #markedElection()}, and the four sample protocols submitted. */
    static String countedElection() {
        String id = markedElection();
        expectOk("protocols", "submit", "-e", id, "samples/protocols.csv");
        expectOk("protocols", "submit", "-e", id, "samples/protocols.json");
        return id;
    }

    static void expectOk(String... args) {
        Cli.Run run = CLI.run(args);
        assertThat(run.exitCode()).as(String.join(" ", args) + "\n" + run).isZero();
    }
}
