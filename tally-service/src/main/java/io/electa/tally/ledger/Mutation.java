package io.electa.tally.ledger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/** A change to an election's tally, made inside the transaction that appends its ledger entry. */
@FunctionalInterface
public interface Mutation<R> {
    Uni<Outcome<R>> apply(SqlConnection tx, Slot slot);
}
