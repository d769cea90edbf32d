package io.electa.tally.ledger;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.support.domain.Clock;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.grpc.Timestamps;
import io.electa.support.idempotency.Idempotency;
import io.electa.tally.repository.LedgerRepository;
import io.electa.tally.repository.ProcessedRequestSql;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * Every change to a tally goes through here, in one database transaction: lock the election's
 * chain, answer a retried request_id from its stored answer, otherwise apply the mutation, append
 * its ledger entry (hash-chained to the head) and store the answer. So an acknowledged change is
 * always in the ledger, a retry never changes anything twice, and after certification nothing
 * changes at all.
 */
@ApplicationScoped
public class LedgerAppender {
    private final Pool pool;
    private final LedgerRepository ledger;
    private final ProcessedRequestSql processed;

    public LedgerAppender(Pool pool, LedgerRepository ledger, ProcessedRequestSql processed) {
        this.pool = pool;
        this.ledger = ledger;
        this.processed = processed;
    }

    /**
     * The stored answer of {@code requestId}, without touching the chain; else {@code fresh}. Lets a
     * retry be answered even while a dependency that a first attempt needs is down.
     */
    public <R extends Message> Uni<R> replayOr(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> fresh) {
        String method = request.getDescriptorForType().getFullName();
        return processed.find(pool, requestId)
                .chain(found -> found == null ? fresh.get()
                        : Uni.createFrom().item(Idempotency.replay(found, method, Idempotency.fingerprint(request),
                                parser)));
    }

    /** Applies {@code mutation} to the election and appends its entry, once per request_id. */
    public <R extends Message> Uni<R> append(String electionId, String requestId, Message request, Parser<R> parser,
            Mutation<R> mutation) {
        String method = request.getDescriptorForType().getFullName();
        String fingerprint = Idempotency.fingerprint(request);
        return pool.withTransaction(tx -> ledger.lockHead(tx, electionId)
                        .chain(head -> processed.find(tx, requestId)
                                .chain(found -> found != null
                                        ? Uni.createFrom().item(Idempotency.replay(found, method, fingerprint, parser))
                                        : apply(tx, electionId, head, mutation)
                                                .call(answer -> processed.insert(tx, requestId, method, fingerprint,
                                                        answer, Clock.now())))));
    }

    private <R> Uni<R> apply(SqlConnection tx, String electionId, LedgerRepository.Head head, Mutation<R> mutation) {
        if (head.certified()) {
            throw new FailedPreconditionException("the results of election " + electionId
                    + " are certified; nothing may change any more", "RESULTS_CERTIFIED");
        }
        Slot slot = new Slot(electionId, head.sequence() + 1, Clock.now());
        return mutation.apply(tx, slot)
                .chain(outcome -> appendEntry(tx, slot, head.entryHash(), outcome));
    }

    private <R> Uni<R> appendEntry(SqlConnection tx, Slot slot, String previousHash, Outcome<R> outcome) {
        LedgerRecord record = outcome.record()
                .setElectionId(slot.electionId())
                .setSequence(slot.sequence())
                .setRecordTime(Timestamps.toProto(slot.recordTime()))
                .build();
        byte[] payload = deterministicBytes(record);
        String hash = LedgerHash.next(previousHash, payload);
        LedgerRepository.Entry entry = new LedgerRepository.Entry(slot.sequence(), previousHash, hash,
                record.getKind().getNumber(), payload, slot.recordTime());
        boolean certifies = record.getKind() == LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED;
        LedgerHead newHead = LedgerHead.newBuilder()
                .setElectionId(slot.electionId())
                .setSequence(slot.sequence())
                .setEntryHash(hash)
                .setRecordTime(record.getRecordTime())
                .build();
        return ledger.append(tx, slot.electionId(), entry, certifies)
                .map(ignored -> outcome.answer().apply(newHead));
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
