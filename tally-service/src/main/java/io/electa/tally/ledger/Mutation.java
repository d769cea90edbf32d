package io.electa.tally.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A change to an election's tally, in two steps inside the transaction that appends its ledger
 * entry: {@link #decide} reads and checks what the change depends on (its first statement is
 * pipelined right behind the chain lock, so it sees the state the lock protects), then the
 * {@link Change} it returns says, at the entry's place in the chain, what to write, record and
 * answer.
 */
@FunctionalInterface
public interface Mutation<R> {
    Uni<Change<R>> decide(SqlConnection tx);

    /** A mutation that reads nothing before it knows its place in the chain. */
    static <R> Mutation<R> of(java.util.function.Function<Slot, Outcome<R>> at) {
        return tx -> Uni.createFrom().item(Change.of(null, at));
    }
}
