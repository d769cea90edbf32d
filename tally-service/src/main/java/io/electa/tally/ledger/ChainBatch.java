package io.electa.tally.ledger;

import io.electa.client.ledger.LedgerHash;
import com.google.protobuf.Message;
import io.electa.support.domain.Clock;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.grpc.Timestamps;
import io.electa.support.idempotency.PgStoreStatements;
import io.electa.support.idempotency.StoredRequest;
import io.electa.tally.repository.LedgerRepository;
import io.electa.tally.v1.ErrorReason;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerRecord;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One transaction of an election's chain: lock the head, look up stored answers and let every
 * change decide (all pipelined behind the lock, so they read the state it protects), place the
 * changes one after the other, write everything pipelined, commit, then answer. A change decided
 * on something a batch-mate changes (same key), or a twin of a batch-mate's request_id, waits for
 * the next batch. If the transaction fails, each change is tried again on its own, so one bad
 * change cannot fail the others. Placing (encoding and hashing each entry) runs on a worker
 * thread, not on the connection's event loop.
 */
final class ChainBatch {
    private final Pool pool;
    private final LedgerRepository ledger;
    private final String electionId;
    private final List<PendingChange<?>> batch;

    ChainBatch(Pool pool, LedgerRepository ledger, String electionId, List<PendingChange<?>> batch) {
        this.pool = pool;
        this.ledger = ledger;
        this.electionId = electionId;
        this.batch = batch;
    }

    /** Writes the batch and answers its changes; the changes deferred to the next batch. */
    Uni<List<PendingChange<?>>> write() {
        Object[] settlements = new Object[batch.size()];
        List<PendingChange<?>> deferred = new ArrayList<>();
        return pool.withTransaction(tx -> Uni.combine().all()
                        .unis(ledger.lockHead(tx, electionId),
                                new PgStoreStatements(tx).findAll(batch.stream().map(PendingChange::requestId).toList()),
                                Uni.join().all(decisions(tx)).andFailFast())
                        .asTuple()
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .chain(locked -> place(tx, locked.getItem1(), locked.getItem2(), locked.getItem3(),
                                settlements, deferred)))
                .map(ignored -> {
                    for (int i = 0; i < batch.size(); i++) {
                        if (settlements[i] != null) {
                            batch.get(i).settle(settlements[i]);
                        }
                    }
                    return deferred;
                })
                .onFailure().recoverWithUni(this::eachAlone);
    }

    private List<Uni<Change<?>>> decisions(SqlConnection tx) {
        List<Uni<Change<?>>> decisions = new ArrayList<>();
        for (PendingChange<?> change : batch) {
            decisions.add(change.mutation().decide(tx)
                    .<Change<?>>map(decided -> decided)
                    .onFailure().recoverWithItem(Change::refusing));
        }
        return decisions;
    }

    private Uni<Void> place(SqlConnection tx, LedgerRepository.Head head, Map<String, StoredRequest> stored,
            List<Change<?>> decided, Object[] settlements, List<PendingChange<?>> deferred) {
        Set<String> keys = new HashSet<>();
        Set<String> requestIds = new HashSet<>();
        List<Uni<Void>> writes = new ArrayList<>();
        LedgerRepository.Entry last = null;
        String previousHash = head.entryHash();
        boolean certified = head.certified();
        boolean certifies = false;
        for (int i = 0; i < batch.size(); i++) {
            PendingChange<?> change = batch.get(i);
            StoredRequest answered = stored.get(change.requestId());
            Change<?> decision = decided.get(i);
            if (!requestIds.add(change.requestId())
                    || answered == null && decision.key() != null && !keys.add(decision.key())) {
                deferred.add(change);
                continue;
            }
            try {
                if (answered != null) {
                    settlements[i] = answered.answerTo(change.key(), change.parser());
                    continue;
                }
                if (certified) {
                    throw new FailedPreconditionException("the results of election " + electionId
                            + " are certified; nothing may change any more", ErrorReason.RESULTS_CERTIFIED);
                }
                long sequence = (last == null ? head.sequence() : last.sequence()) + 1;
                Placed placed = placeOne(tx, change, decision, new Slot(electionId, sequence, Clock.now()),
                        previousHash);
                writes.addAll(placed.writes());
                settlements[i] = placed.answer();
                last = placed.entry();
                previousHash = last.entryHash();
                if (placed.certifies()) {
                    certified = true;
                    certifies = true;
                }
            } catch (RuntimeException refused) {
                settlements[i] = refused;
            }
        }
        if (last != null) {
            writes.add(ledger.moveHead(tx, electionId, last, certifies));
        }
        return writes.isEmpty() ? Uni.createFrom().voidItem() : Uni.combine().all().unis(writes).discardItems();
    }

    /** A change placed in the chain: what to write, its entry, and its answer. */
    private record Placed(List<Uni<Void>> writes, LedgerRepository.Entry entry, Object answer, boolean certifies) {
    }

    private Placed placeOne(SqlConnection tx, PendingChange<?> change, Change<?> decision, Slot slot,
            String previousHash) {
        Outcome<?> outcome = decision.at(slot);
        LedgerRecord record = outcome.record()
                .setElectionId(slot.electionId())
                .setSequence(slot.sequence())
                .setRecordTime(Timestamps.toProto(slot.recordTime()))
                .build();
        byte[] payload = LedgerAppender.deterministicBytes(record);
        String hash = LedgerHash.next(previousHash, payload);
        LedgerRepository.Entry entry = new LedgerRepository.Entry(slot.sequence(), previousHash, hash,
                record.getKind().getNumber(), payload, slot.recordTime());
        Message answer = (Message) outcome.answer().apply(LedgerHead.newBuilder()
                .setElectionId(slot.electionId())
                .setSequence(slot.sequence())
                .setEntryHash(hash)
                .setRecordTime(record.getRecordTime())
                .build());
        List<Uni<Void>> writes = new ArrayList<>(outcome.writes().apply(tx));
        writes.add(ledger.insertEntry(tx, electionId, entry));
        writes.add(new PgStoreStatements(tx).insertAnswered(change.key(), answer, slot.recordTime()));
        return new Placed(writes, entry, answer,
                record.getKind() == LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED);
    }

    /** The batch failed as a whole: each change again on its own, one after the other. */
    private Uni<List<PendingChange<?>>> eachAlone(Throwable failure) {
        if (batch.size() == 1) {
            batch.get(0).settle(failure);
            return Uni.createFrom().item(List.of());
        }
        Uni<List<PendingChange<?>>> chain = Uni.createFrom().item(new ArrayList<>());
        for (PendingChange<?> change : batch) {
            chain = chain.chain(deferred -> new ChainBatch(pool, ledger, electionId, List.of(change))
                    .write()
                    .map(more -> {
                        deferred.addAll(more);
                        return deferred;
                    }));
        }
        return chain;
    }
}
