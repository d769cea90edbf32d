package io.electa.cli.command;

import com.google.protobuf.InvalidProtocolBufferException;
import io.electa.cli.ElectaCommand;
import io.electa.cli.ElectionOption;
import io.electa.cli.ExitCodes;
import io.electa.cli.Services;
import io.electa.client.figures.Percent;
import io.electa.client.ledger.LedgerVerifier;
import io.electa.client.ledger.SignedHead;
import io.electa.client.ledger.Verification;
import io.electa.client.signing.PublishedKeys;
import io.electa.tally.v1.GetLedgerHeadRequest;
import io.electa.tally.v1.GetLedgerKeySetRequest;
import io.electa.tally.v1.StreamLedgerRequest;
import io.electa.tally.v1.StreamLedgerResponse;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The public ledger. */
@Command(name = "ledger", description = "Verify the public ledger, or save a copy of it.",
        subcommands = {Ledger.Verify.class, Ledger.Save.class})
public final class Ledger {

    /** The verdict on a ledger: whether it verifies, and a line saying what was checked or what is wrong. */
    public record Check(boolean intact, String message) {
    }

    @Command(name = "verify", description = "Replay the election's public ledger: the chain of hashes, every "
            + "payload, every total recomputed, and the tally's signatures of its head checked with the published "
            + "ledger keys. Prints OK with the head and the key that signed it, or the first problem (exit code 11).")
    static final class Verify extends ElectaCommand {
        @Mixin
        ElectionOption election;

        @Option(names = "--from-file", paramLabel = "FILE", description = "Verify a copy saved with `ledger save` "
                + "instead of the tally's ledger; only the published ledger keys are asked of the tally.")
        Path file;

        @Override
        public Integer call() throws IOException {
            Check check = file == null ? verify(services(), election.id) : verifyCopy(services(), election.id, file);
            (check.intact() ? out() : err()).println(check.message());
            out().flush();
            err().flush();
            return check.intact() ? ExitCodes.OK : ExitCodes.LEDGER_BROKEN;
        }
    }

    @Command(name = "save", description = "Save the election's ledger as the tally streams it, signed head "
            + "included, to a file that `ledger verify --from-file` (or any client of the contract) checks later.")
    static final class Save extends ElectaCommand {
        @Mixin
        ElectionOption election;

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The file to write.")
        Path file;

        @Override
        protected void run() throws IOException {
            long entries = 0;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                Iterator<StreamLedgerResponse> stream = services().tallyStreams().streamLedger(
                        StreamLedgerRequest.newBuilder().setElectionId(election.id).build());
                while (stream.hasNext()) {
                    stream.next().writeDelimitedTo(out);
                    entries++;
                }
            }
            out().println("saved " + entries + " entries of the ledger of " + election.id + " to " + file);
        }
    }

    /**
     * Replays the published ledger with the client-side verifier, checking the signed head that
     * GetLedgerHead serves and those the stream carries with the tally's published ledger keys; the
     * stream must reach the signed head.
     */
    public static Check verify(Services services, String election) {
        LedgerVerifier verifier = new LedgerVerifier(election, ledgerKeys(services));
        verifier.acceptSignedHead(services.tally().getLedgerHead(GetLedgerHeadRequest.newBuilder()
                .setElectionId(election).build()).getHead());
        services.tallyStreams().streamLedger(StreamLedgerRequest.newBuilder().setElectionId(election).build())
                .forEachRemaining(message -> accept(verifier, message));
        return verdict(election, verifier.result());
    }

    /**
     * Replays a copy saved by `ledger save`: length-delimited StreamLedgerResponse messages, whose
     * signed heads are checked with the tally's published ledger keys.
     */
    static Check verifyCopy(Services services, String election, Path file) throws IOException {
        LedgerVerifier verifier = new LedgerVerifier(election, ledgerKeys(services));
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            StreamLedgerResponse message;
            while ((message = StreamLedgerResponse.parseDelimitedFrom(in)) != null) {
                accept(verifier, message);
            }
        } catch (InvalidProtocolBufferException e) {
            return new Check(false, "the copy in " + file + " does NOT verify: it is not a saved ledger ("
                    + e.getMessage() + ")");
        }
        return verdict(election, verifier.result());
    }

    private static PublishedKeys ledgerKeys(Services services) {
        return PublishedKeys.of(services.tally().getLedgerKeySet(GetLedgerKeySetRequest.getDefaultInstance())
                .getKeySet());
    }

    private static void accept(LedgerVerifier verifier, StreamLedgerResponse message) {
        verifier.accept(message.getEntry());
        if (message.hasSignedHead()) {
            verifier.acceptSignedHead(message.getSignedHead());
        }
    }

    private static Check verdict(String election, Verification result) {
        if (!result.intact()) {
            return new Check(false, "ledger of " + election + " does NOT verify: " + result.problems().get(0)
                    + (result.problems().size() > 1 ? " (and " + (result.problems().size() - 1) + " more problems)"
                            : ""));
        }
        if (result.signedHeads().isEmpty()) {
            return new Check(false, "ledger of " + election + " does NOT verify: no head signed by the tally");
        }
        SignedHead signed = result.signedHeads().get(result.signedHeads().size() - 1);
        var nation = result.tally().sums(null);
        long leading = nation.votes().stream().mapToLong(Long::longValue).max().orElse(0);
        return new Check(true, "OK: ledger of " + election + " verifies: " + result.headSequence() + " entries, head "
                + result.headHash() + ", signed by ledger key " + signed.keyId() + " at " + signed.signTime()
                + (signed.statement().getCertified() ? " as certified" : "")
                + "; recomputed from it: " + nation.reported() + " stations counted, turnout "
                + Percent.of(nation.issued(), nation.registered()) + " % (" + nation.issued() + " of "
                + nation.registered() + "), leading candidate " + Percent.of(leading, nation.valid()) + " % of "
                + nation.valid() + " valid votes");
    }
}
