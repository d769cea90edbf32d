package io.electa.tally.ledger;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.common.v1.ErrorReason;
import io.electa.support.db.GroupCommit;
import io.electa.support.domain.UnavailableException;
import io.electa.support.idempotency.Answers;
import io.electa.support.idempotency.PgStoreStatements;
import io.electa.support.idempotency.RequestKey;
import io.electa.tally.repository.LedgerRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Every change to a tally goes through here. The changes of one election are appended to its
 * chain one batch at a time (group commit): one database transaction locks the chain head,
 * answers retried request_ids from their stored answers, lets each change decide on what it
 * reads, places the changes one after the other in the chain and writes them, their entries and
 * their answers, then commits once. So an acknowledged change is always in the ledger, a retry
 * never changes anything twice, after certification nothing changes at all, and the chain has no
 * gaps or forks, also across replicas (the head row is the lock). See {@link ChainBatch}.
 *
 * <p>A batch that does not settle within {@code electa.ledger.batch-timeout} (a transaction stuck
 * on a lock or a dead connection; every statement is also bounded by the database's statement
 * timeout) answers each of its changes still waiting UNAVAILABLE, and the queue goes on: one
 * stuck transaction cannot stop an election's count. A change whose transaction committed after
 * all is in the ledger, and a retry with its request_id gets its stored answer.
 */
@ApplicationScoped
public class LedgerAppender {
    /** At most this many changes share a transaction. */
    static final int MAX_BATCH = 64;

    private static final Logger LOG = Logger.getLogger(LedgerAppender.class);

    private final Pool pool;
    private final LedgerRepository ledger;
    private final Duration batchTimeout;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    public LedgerAppender(Pool pool, LedgerRepository ledger,
            @ConfigProperty(name = "electa.ledger.batch-timeout") Duration batchTimeout) {
        this.pool = pool;
        this.ledger = ledger;
        this.batchTimeout = batchTimeout;
    }

    /**
     * Runs {@code fresh}; if it fails before its transaction, answers with the stored answer of
     * {@code requestId} when there is one ({@link Answers#orStoredAnswer}).
     */
    public <R extends Message> Uni<R> orStoredAnswer(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> fresh) {
        return Answers.orStoredAnswer(RequestKey.of(requestId, request), parser, fresh,
                () -> new PgStoreStatements(pool).find(requestId));
    }

    /** Applies {@code mutation} to the election and appends its entry, once per request_id. */
    public <R extends Message> Uni<R> append(String electionId, String requestId, Message request, Parser<R> parser,
            Mutation<R> mutation) {
        return enqueue(electionId, requestId, request, parser, mutation, false);
    }

    /**
     * As {@link #append}, in a transaction of its own: for changes that decide on the whole
     * election (the candidate list, certification).
     */
    public <R extends Message> Uni<R> appendAlone(String electionId, String requestId, Message request,
            Parser<R> parser, Mutation<R> mutation) {
        return enqueue(electionId, requestId, request, parser, mutation, true);
    }

    private <R extends Message> Uni<R> enqueue(String electionId, String requestId, Message request,
            Parser<R> parser, Mutation<R> mutation, boolean alone) {
        RequestKey key = RequestKey.of(requestId, request);
        return Uni.createFrom().emitter(emitter -> queues.computeIfAbsent(electionId, Queue::new)
                .add(new PendingChange<>(key, parser, mutation, alone, emitter)));
    }

    /**
     * The changes of one election waiting for the chain: one batch is written at a time, of at
     * most {@link #MAX_BATCH} changes; a change that decides on the whole election goes alone.
     */
    private final class Queue {
        private final String electionId;
        private final GroupCommit<PendingChange<?>> batches;

        Queue(String electionId) {
            this.electionId = electionId;
            this.batches = new GroupCommit<>(MAX_BATCH, 1, (batch, next) -> !next.alone() && !batch.get(0).alone(),
                    batch -> new ChainBatch(pool, ledger, electionId, batch).write(), batchTimeout, this::abandon);
        }

        void add(PendingChange<?> change) {
            batches.add(change);
        }

        /** The batch did not settle in time (or failed unexpectedly): its waiting changes are answered. */
        private void abandon(List<PendingChange<?>> batch, Throwable failure) {
            LOG.warnf("a ledger batch of election %s (%d changes) did not settle: %s; its waiting changes are"
                    + " answered UNAVAILABLE", electionId, batch.size(), failure.toString());
            UnavailableException answer = new UnavailableException("the ledger could not be written in time;"
                    + " retry with the same request_id", ErrorReason.DATABASE_TIMEOUT);
            batch.forEach(change -> change.settle(answer));
        }
    }

    /** Protobuf's deterministic encoding: the bytes the ledger stores, hashes and serves. */
    static byte[] deterministicBytes(Message message) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(message.getSerializedSize());
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        out.useDeterministicSerialization();
        try {
            message.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
