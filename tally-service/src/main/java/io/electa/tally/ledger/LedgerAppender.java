package io.electa.tally.ledger;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.support.idempotency.Idempotency;
import io.electa.tally.repository.LedgerRepository;
import io.electa.tally.repository.ProcessedRequestSql;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 */
@ApplicationScoped
public class LedgerAppender {
    /** At most this many changes share a transaction. */
    static final int MAX_BATCH = 64;

    private final Pool pool;
    private final LedgerRepository ledger;
    private final ProcessedRequestSql processed;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    public LedgerAppender(Pool pool, LedgerRepository ledger, ProcessedRequestSql processed) {
        this.pool = pool;
        this.ledger = ledger;
        this.processed = processed;
    }

    /**
     * Runs {@code fresh}; if it fails before its transaction, answers with the stored answer of
     * {@code requestId} when there is one ({@link Idempotency#orStoredAnswer}).
     */
    public <R extends Message> Uni<R> orStoredAnswer(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> fresh) {
        return Idempotency.orStoredAnswer(request, parser, fresh, () -> processed.find(pool, requestId));
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
        String method = request.getDescriptorForType().getFullName();
        String fingerprint = Idempotency.fingerprint(request);
        return Uni.createFrom().emitter(emitter -> queues.computeIfAbsent(electionId, Queue::new)
                .add(new PendingChange<>(requestId, method, fingerprint, parser, mutation, alone, emitter)));
    }

    /** The changes of one election waiting for the chain, and the one batch being written. */
    private final class Queue {
        private final String electionId;
        private final Deque<PendingChange<?>> waiting = new ArrayDeque<>();
        private boolean writing;

        Queue(String electionId) {
            this.electionId = electionId;
        }

        void add(PendingChange<?> change) {
            synchronized (this) {
                waiting.addLast(change);
                if (writing) {
                    return;
                }
                writing = true;
            }
            writeNext();
        }

        private void writeNext() {
            List<PendingChange<?>> batch = new ArrayList<>();
            synchronized (this) {
                while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
                    PendingChange<?> next = waiting.peekFirst();
                    if (!batch.isEmpty() && (next.alone() || batch.get(0).alone())) {
                        break;
                    }
                    batch.add(waiting.pollFirst());
                }
                if (batch.isEmpty()) {
                    writing = false;
                    return;
                }
            }
            new ChainBatch(pool, ledger, processed, electionId, batch).write()
                    .subscribe().with(this::settled, failure -> settled(List.of()));
        }

        /** The batch is settled; {@code deferred} changes were decided on stale state and go first next time. */
        private void settled(List<PendingChange<?>> deferred) {
            synchronized (this) {
                for (int i = deferred.size() - 1; i >= 0; i--) {
                    waiting.addFirst(deferred.get(i));
                }
            }
            writeNext();
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
