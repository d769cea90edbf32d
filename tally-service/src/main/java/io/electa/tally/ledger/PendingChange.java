package io.electa.tally.ledger;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.support.idempotency.RequestKey;
import io.smallrye.mutiny.subscription.UniEmitter;

/** A change waiting for its election's chain, and where its answer goes. */
record PendingChange<R extends Message>(RequestKey key, Parser<R> parser, Mutation<R> mutation, boolean alone,
        UniEmitter<? super R> emitter) {

    String requestId() {
        return key.requestId();
    }

    /**
     * Delivers the answer: {@code settlement} is either an answer of type R or a failure. Only the
     * first settlement counts; later ones are ignored.
     */
    @SuppressWarnings("unchecked")
    void settle(Object settlement) {
        if (settlement instanceof Throwable failure) {
            emitter.fail(failure);
        } else {
            emitter.complete((R) settlement);
        }
    }
}
