package io.electa.tally.ledger;

import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerRecord;
import java.util.function.Function;

/**
 * What a mutation appends to the ledger (kind and body; the appender fills in election, sequence
 * and time) and how it answers once the entry is in the chain.
 */
public record Outcome<R>(LedgerRecord.Builder record, Function<LedgerHead, R> answer) {

    /** An answer that does not depend on the new head. */
    public static <R> Outcome<R> of(LedgerRecord.Builder record, R answer) {
        return new Outcome<>(record, head -> answer);
    }
}
