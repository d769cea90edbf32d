package io.electa.tally.ledger;

import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;
import java.util.function.Function;

/**
 * What a change writes (its statements are pipelined together with the ledger append), what it
 * records in the ledger (kind and body; the appender fills in election, sequence and time) and
 * how it answers once the entry is in the chain.
 */
public record Outcome<R>(Function<SqlConnection, List<Uni<Void>>> writes, LedgerRecord.Builder record,
        Function<LedgerHead, R> answer) {

    /** An answer that does not depend on the new head. */
    public static <R> Outcome<R> of(Function<SqlConnection, List<Uni<Void>>> writes, LedgerRecord.Builder record,
            R answer) {
        return new Outcome<>(writes, record, head -> answer);
    }
}
