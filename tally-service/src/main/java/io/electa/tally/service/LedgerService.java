package io.electa.tally.service;

import io.electa.support.domain.NotFoundException;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.repository.LedgerRepository;
import io.electa.tally.v1.LedgerEntry;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerHead;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The public ledger: its head, and its entries streamed in order, optionally as they are appended. */
@ApplicationScoped
public class LedgerService {
    private static final int BATCH = 500;

    private final LedgerRepository ledger;
    private final Pool pool;
    private final Duration followInterval;

    public LedgerService(LedgerRepository ledger, Pool pool,
            @ConfigProperty(name = "electa.results.watch-interval") Duration followInterval) {
        this.ledger = ledger;
        this.pool = pool;
        this.followInterval = followInterval;
    }

    public Uni<LedgerHead> head(String electionId) {
        return requireHead(electionId)
                .map(head -> LedgerHead.newBuilder()
                        .setElectionId(electionId)
                        .setSequence(head.sequence())
                        .setEntryHash(head.entryHash())
                        .setRecordTime(Timestamps.toProto(head.recordTime()))
                        .build());
    }

    /**
     * Entries from {@code fromSequence} on, in order, in batches. Without {@code follow} the stream
     * ends at the head; with it, it waits for new entries and ends after the certification entry.
     */
    public Multi<LedgerEntry> stream(String electionId, long fromSequence, boolean follow) {
        AtomicLong next = new AtomicLong(Math.max(1, fromSequence));
        AtomicBoolean certified = new AtomicBoolean();
        return requireHead(electionId)
                .onItem().transformToMulti(head -> Multi.createBy().repeating()
                        .uni(() -> fetch(electionId, next, follow && !certified.get()))
                        .until(batch -> batch.isEmpty() && (!follow || certified.get())))
                .onItem().transformToIterable(batch -> batch)
                .map(entry -> toProto(electionId, entry))
                .invoke(entry -> {
                    if (entry.getKind() == LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED) {
                        certified.set(true);
                    }
                });
    }

    /** The next batch; when following and there is none yet, waits an interval and answers empty. */
    private Uni<List<LedgerRepository.Entry>> fetch(String electionId, AtomicLong next, boolean wait) {
        return ledger.entries(pool, electionId, next.get(), BATCH)
                .invoke(batch -> {
                    if (!batch.isEmpty()) {
                        next.set(batch.get(batch.size() - 1).sequence() + 1);
                    }
                })
                .call(batch -> batch.isEmpty() && wait
                        ? Uni.createFrom().voidItem().onItem().delayIt().by(followInterval)
                        : Uni.createFrom().voidItem());
    }

    private Uni<LedgerRepository.Head> requireHead(String electionId) {
        return ledger.head(pool, electionId)
                .invoke(head -> {
                    if (head == null) {
                        throw new NotFoundException("election " + electionId + " has no ledger entry yet");
                    }
                });
    }

    private static LedgerEntry toProto(String electionId, LedgerRepository.Entry entry) {
        return LedgerEntry.newBuilder()
                .setSequence(entry.sequence())
                .setPreviousHash(entry.previousHash())
                .setEntryHash(entry.entryHash())
                .setKindValue(entry.kind())
                .setPayload(com.google.protobuf.ByteString.copyFrom(entry.payload()))
                .setRecordTime(Timestamps.toProto(entry.recordTime()))
                .setElectionId(electionId)
                .build();
    }
}
