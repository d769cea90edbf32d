package io.electa.client.ledger;

import java.util.List;

/**
 * The outcome of replaying a ledger: every problem found (empty when the ledger is intact), the
 * last entry's sequence and hash (compare them with a head published earlier), the tally
 * recomputed from the entries, and the signed heads that verified and match the chain.
 */
public record Verification(List<String> problems, long headSequence, String headHash, Tally tally,
        List<SignedHead> signedHeads) {

    public boolean intact() {
        return problems.isEmpty();
    }
}
