package io.electa.tally.ledger;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.smallrye.mutiny.subscription.UniEmitter;

/** A change waiting for its election's chain, and where its answer goes. */
record PendingChange<R extends Message>(String requestId, String method, String fingerprint, Parser<R> parser,
        Mutation<R> mutation, boolean alone, UniEmitter<? super R> emitter) {

    /** Delivers the answer: {@code settlement} is either an answer of type R or a failure. */
    @SuppressWarnings("unchecked")
    void settle(Object settlement) {
        if (settlement instanceof Throwable failure) {
            emitter.fail(failure);
        } else {
            emitter.complete((R) settlement);
        }
    }
}
