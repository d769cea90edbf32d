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
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
     * Runs {@code fresh}; if it fails before its transaction (a dependency is down, or a check
     * that held the first time no longer does, e.g. the candidate list is locked by now), answers
     * with the stored answer of {@code requestId} when there is one. So a client that retries
     * after losing an answer always gets it; the look-up inside {@link #append} answers the
     * retries that get that far. The common, successful path costs no extra query.
     */
    public <R extends Message> Uni<R> replayOr(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> fresh) {
        String method = request.getDescriptorForType().getFullName();
        return Uni.createFrom().<R>deferred(fresh::get)
                .onFailure().recoverWithUni(failure -> processed.find(pool, requestId)
                        .map(found -> {
                            if (found == null) {
                                throw failure instanceof RuntimeException runtime ? runtime
                                        : new IllegalStateException(failure);
                            }
                            return Idempotency.replay(found, method, Idempotency.fingerprint(request), parser);
                        }));
    }

    /** Applies {@code mutation} to the election and appends its entry, once per request_id. */
    public <R extends Message> Uni<R> append(String electionId, String requestId, Message request, Parser<R> parser,
            Mutation<R> mutation) {
        String method = request.getDescriptorForType().getFullName();
        String fingerprint = Idempotency.fingerprint(request);
        // Lock, look-up and the mutation's first read are pipelined; the server runs them in that
        // order, so the look-up and the reads see the state the lock protects.
        return pool.withTransaction(tx -> Uni.combine().all()
                .unis(ledger.lockHead(tx, electionId), processed.find(tx, requestId),
                        mutation.decide(tx).onFailure().recoverWithItem((Throwable f) -> Change.<R>refusing(f)))
                .asTuple()
                .chain(locked -> locked.getItem2() != null
                        ? Uni.createFrom().item(Idempotency.replay(locked.getItem2(), method, fingerprint, parser))
                        : commit(tx, electionId, locked.getItem1(), locked.getItem3(),
                                answer -> processed.insert(tx, requestId, method, fingerprint, answer,
                                        Clock.now()))));
    }

    /** Places the change after the head, then writes it, its ledger entry and its answer at once. */
    private <R> Uni<R> commit(SqlConnection tx, String electionId, LedgerRepository.Head head, Change<R> change,
            Function<R, Uni<Void>> remember) {
        if (head.certified()) {
            throw new FailedPreconditionException("the results of election " + electionId
                    + " are certified; nothing may change any more", "RESULTS_CERTIFIED");
        }
        Slot slot = new Slot(electionId, head.sequence() + 1, Clock.now());
        Outcome<R> outcome = change.at(slot);
        LedgerRecord record = outcome.record()
                .setElectionId(slot.electionId())
                .setSequence(slot.sequence())
                .setRecordTime(Timestamps.toProto(slot.recordTime()))
                .build();
        byte[] payload = deterministicBytes(record);
        String hash = LedgerHash.next(head.entryHash(), payload);
        LedgerRepository.Entry entry = new LedgerRepository.Entry(slot.sequence(), head.entryHash(), hash,
                record.getKind().getNumber(), payload, slot.recordTime());
        boolean certifies = record.getKind() == LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED;
        R answer = outcome.answer().apply(LedgerHead.newBuilder()
                .setElectionId(slot.electionId())
                .setSequence(slot.sequence())
                .setEntryHash(hash)
                .setRecordTime(record.getRecordTime())
                .build());
        List<Uni<Void>> writes = new ArrayList<>(outcome.writes().apply(tx));
        writes.add(ledger.append(tx, slot.electionId(), entry, certifies));
        writes.add(remember.apply(answer));
        return Uni.combine().all().unis(writes).discardItems().replaceWith(answer);
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
