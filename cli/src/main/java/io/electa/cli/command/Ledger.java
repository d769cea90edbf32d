package io.electa.cli.command;

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
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.StreamLedgerRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The public ledger. */
@Command(name = "ledger", description = "Verify the public ledger.", subcommands = Ledger.Verify.class)
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

        @Override
        public Integer call() {
            Check check = verify(services(), election.id);
            (check.intact() ? out() : err()).println(check.message());
            out().flush();
            err().flush();
            return check.intact() ? ExitCodes.OK : ExitCodes.LEDGER_BROKEN;
        }
    }

    /**
     * Replays the published ledger with the client-side verifier, checking the signed head that
     * GetLedgerHead serves and those the stream carries with the tally's published ledger keys; the
     * stream must reach the signed head.
     */
    public static Check verify(Services services, String election) {
        PublishedKeys keys = PublishedKeys.of(services.tally().getLedgerKeySet(GetLedgerKeySetRequest
                .getDefaultInstance()).getKeySet());
        LedgerHead head = services.tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(election)
                .build()).getHead();
        LedgerVerifier verifier = new LedgerVerifier(election, keys);
        verifier.acceptSignedHead(head);
        services.tallyStreams().streamLedger(StreamLedgerRequest.newBuilder().setElectionId(election).build())
                .forEachRemaining(message -> {
                    verifier.accept(message.getEntry());
                    if (message.hasSignedHead()) {
                        verifier.acceptSignedHead(message.getSignedHead());
                    }
                });
        Verification result = verifier.result();
        if (!result.intact()) {
            return new Check(false, "ledger of " + election + " does NOT verify: " + result.problems().get(0)
                    + (result.problems().size() > 1 ? " (and " + (result.problems().size() - 1) + " more problems)"
                            : ""));
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
