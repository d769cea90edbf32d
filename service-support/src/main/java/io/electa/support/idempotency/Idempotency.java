package io.electa.support.idempotency;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * {@link Answers} for services whose effects are written through Hibernate Reactive Panache:
 * the request_id is claimed and the answer stored in the Panache transaction of the effect.
 */
@ApplicationScoped
public class Idempotency {

    /** Runs {@code action} in a transaction, once per request_id (see {@link Answers#once}). */
    public <R extends Message> Uni<R> once(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> action) {
        RequestKey key = RequestKey.of(requestId, request);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> Answers.once(new SessionStoreStatements(session), key, parser, action)));
    }

    /** See {@link Answers#orStoredAnswer}. */
    public <R extends Message> Uni<R> orStoredAnswer(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> fresh) {
        return Answers.orStoredAnswer(RequestKey.of(requestId, request), parser, fresh,
                () -> Panache.withSession(() -> Panache.getSession()
                        .chain(session -> new SessionStoreStatements(session).find(requestId))));
    }
}
