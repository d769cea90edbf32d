package io.electa.support.idempotency;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.support.domain.Clock;
import io.electa.support.domain.FieldViolation;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.domain.UniqueViolations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

/**
 * Once per request_id: the first answer of a mutating request is stored in the same
 * transaction as its effect, and a retry gets that answer back without acting again. A
 * request_id reused for a different request is INVALID_ARGUMENT.
 */
@ApplicationScoped
public class Idempotency {
    private static final String REQUEST_ID = "request_id";

    private final ProcessedRequestRepository processed;

    public Idempotency(ProcessedRequestRepository processed) {
        this.processed = processed;
    }

    /** Runs {@code action} in a transaction unless {@code requestId} was answered before. */
    public <R extends Message> Uni<R> once(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> action) {
        String method = request.getDescriptorForType().getFullName();
        String fingerprint = fingerprint(request);
        return Panache.<R>withTransaction(() -> processed.findById(requestId)
                        .chain(found -> found != null
                                ? Uni.createFrom().item(replay(found, method, fingerprint, parser))
                                : action.get().call(response -> remember(requestId, method, fingerprint, response))))
                .onFailure(Idempotency::isDuplicateKey)
                .recoverWithUni(failure -> replayAfterRace(requestId, method, fingerprint, parser, failure));
    }

    /**
     * Runs {@code fresh}; if it fails, answers with the stored answer of {@code requestId} when
     * there is one. So a client that retries after losing an answer gets it even when a check
     * made before the transaction no longer passes (a dependency is down, the state moved on);
     * the common, successful path costs no extra query.
     */
    public <R extends Message> Uni<R> orStoredAnswer(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> fresh) {
        return orStoredAnswer(request, parser, fresh, () -> Panache.withSession(() -> processed.findById(requestId)));
    }

    /** As above, with the stored answer read by {@code stored} (for services that keep it by SQL). */
    public static <R extends Message> Uni<R> orStoredAnswer(Message request, Parser<R> parser,
            Supplier<Uni<R>> fresh, Supplier<Uni<ProcessedRequest>> stored) {
        String method = request.getDescriptorForType().getFullName();
        return Uni.createFrom().<R>deferred(fresh::get)
                .onFailure().recoverWithUni(failure -> stored.get()
                        .map(found -> {
                            if (found == null) {
                                throw failure instanceof RuntimeException runtime ? runtime
                                        : new IllegalStateException(failure);
                            }
                            return replay(found, method, fingerprint(request), parser);
                        }));
    }

    /** The stored answer of {@code requestId}, or null when it was not answered yet. */
    public <R extends Message> Uni<R> lookup(String method, String requestId, Message request, Parser<R> parser) {
        String fingerprint = fingerprint(request);
        return Panache.withSession(() -> processed.findById(requestId))
                .map(found -> found == null ? null : replay(found, method, fingerprint, parser));
    }

    /** Stores the answer of {@code requestId} in a transaction of its own. */
    public Uni<Void> store(String method, String requestId, Message request, Message response) {
        return Panache.withTransaction(() -> remember(requestId, method, fingerprint(request), response))
                .replaceWithVoid();
    }

    private Uni<ProcessedRequest> remember(String requestId, String method, String fingerprint, Message response) {
        return processed.persist(ProcessedRequest.of(requestId, method, fingerprint, response.toByteArray(),
                Clock.now()));
    }

    /** A unique violation: perhaps a concurrent twin with the same request_id committed first. */
    private static boolean isDuplicateKey(Throwable failure) {
        return UniqueViolations.isAny(failure);
    }

    /** A concurrent twin committed first: answer as it did; otherwise the failure stands. */
    private <R extends Message> Uni<R> replayAfterRace(String requestId, String method, String fingerprint,
            Parser<R> parser, Throwable failure) {
        return Panache.withSession(() -> processed.findById(requestId))
                .map(found -> {
                    if (found == null) {
                        throw failure instanceof RuntimeException re ? re : new IllegalStateException(failure);
                    }
                    return replay(found, method, fingerprint, parser);
                });
    }

    public static <R extends Message> R replay(ProcessedRequest found, String method, String fingerprint,
            Parser<R> parser) {
        if (!found.method.equals(method) || !found.requestSha256.equals(fingerprint)) {
            throw new InvalidArgumentException(List.of(new FieldViolation(REQUEST_ID,
                    "request_id " + found.requestId + " was already used for a different request")));
        }
        try {
            return parser.parseFrom(found.response);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored response of " + found.requestId + " is unreadable", e);
        }
    }

    /** SHA-256 of the request without its request_id. */
    public static String fingerprint(Message request) {
        FieldDescriptor requestId = request.getDescriptorForType().findFieldByName(REQUEST_ID);
        Message content = requestId == null ? request : request.toBuilder().clearField(requestId).build();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
