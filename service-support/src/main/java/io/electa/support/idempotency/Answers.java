package io.electa.support.idempotency;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.common.v1.ErrorReason;
import io.electa.support.db.DatabaseFailures;
import io.electa.support.domain.Clock;
import io.electa.support.domain.UnavailableException;
import io.smallrye.mutiny.Uni;
import java.util.function.Supplier;

/**
 * Once per request_id, for every mutating RPC of every service. In the transaction of the
 * effect, the request_id is claimed first: a concurrent twin waits for the first transaction
 * and then gets its stored answer; a retry after the first committed gets it at once; a
 * request_id reused for a different request (another method, or other content) is
 * INVALID_ARGUMENT with reason REQUEST_ID_REUSED; and when the first transaction rolls back,
 * the twin acts itself. The answer is stored in the same transaction as the effect, so it is
 * there exactly when the effect is.
 */
public final class Answers {
    private Answers() {
    }

    /** Runs {@code action} in {@code tx}'s transaction unless {@code key}'s request_id was claimed. */
    public static <R extends Message> Uni<R> once(StoreStatements tx, RequestKey key, Parser<R> parser,
            Supplier<Uni<R>> action) {
        return claim(tx, key)
                .chain(claimed -> claimed
                        ? action.get().call(answer -> tx.complete(key, answer))
                        : tx.find(key.requestId()).map(stored -> stored.answerTo(key, parser)));
    }

    /**
     * Claims {@code key}'s request_id in {@code tx}'s transaction, waiting for a twin's transaction
     * as long as the database lets a statement wait; a twin still running after that is
     * UNAVAILABLE (REQUEST_IN_PROGRESS).
     */
    public static Uni<Boolean> claim(StoreStatements tx, RequestKey key) {
        return tx.claim(key, Clock.now())
                .onFailure(DatabaseFailures::isTimeout)
                .transform(timeout -> new UnavailableException("a request with request_id " + key.requestId()
                        + " is still being processed; retry later to get its answer", ErrorReason.REQUEST_IN_PROGRESS));
    }

    /**
     * Runs {@code fresh}; if it fails, answers with the stored answer of {@code key} when there is
     * one. So a client that retries after losing an answer gets it even when a check made before
     * the transaction no longer passes (a dependency is down, the state moved on); the common,
     * successful path costs no extra query.
     */
    public static <R extends Message> Uni<R> orStoredAnswer(RequestKey key, Parser<R> parser, Supplier<Uni<R>> fresh,
            Supplier<Uni<StoredRequest>> stored) {
        return Uni.createFrom().<R>deferred(fresh::get)
                .onFailure().recoverWithUni(failure -> stored.get()
                        .map(found -> {
                            if (found == null || found.response() == null) {
                                throw failure instanceof RuntimeException runtime ? runtime
                                        : new IllegalStateException(failure);
                            }
                            return found.answerTo(key, parser);
                        }));
    }
}
