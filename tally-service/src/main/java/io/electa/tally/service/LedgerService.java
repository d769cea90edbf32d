package io.electa.tally.service;

import io.electa.common.v1.KeySet;
import io.electa.support.domain.NotFoundException;
import io.electa.support.grpc.Timestamps;
import io.electa.support.signing.KeySetMessages;
import io.electa.tally.ledger.LedgerSigner;
import io.electa.tally.repository.LedgerRepository;
import io.electa.tally.v1.LedgerEntry;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.StreamLedgerResponse;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The public ledger: its signed head, and its entries streamed in order, optionally as they are
 * appended, with the signed head at the entry that was the head when the stream opened and at the
 * certification.
 */
@ApplicationScoped
public class LedgerService {
    private static final int BATCH = 500;

    private final LedgerRepository ledger;
    private final Pool pool;
    private final LedgerSigner signer;
    private final Duration followInterval;

    public LedgerService(LedgerRepository ledger, Pool pool, LedgerSigner signer,
            @ConfigProperty(name = "electa.results.watch-interval") Duration followInterval) {
        this.ledger = ledger;
        this.pool = pool;
        this.signer = signer;
        this.followInterval = followInterval;
    }

    /** The newest entry's head, signed now. */
    public Uni<LedgerHead> head(String electionId) {
        return requireHead(electionId)
                .map(head -> signer.signed(LedgerHead.newBuilder()
                        .setElectionId(electionId)
                        .setSequence(head.sequence())
                        .setEntryHash(head.entryHash())
                        .setRecordTime(Timestamps.toProto(head.recordTime()))
                        .build(), head.certified()));
    }

    /** The tally's ledger keys, current and earlier. */
    public KeySet keySet() {
        return KeySetMessages.keySet(signer.keys());
    }

    /**
     * Entries from {@code fromSequence} on, in order, in batches. Without {@code follow} the stream
     * ends at the head; with it, it waits for new entries and ends after the certification entry.
     */
    public Multi<StreamLedgerResponse> stream(String electionId, long fromSequence, boolean follow) {
        AtomicLong next = new AtomicLong(Math.max(1, fromSequence));
        AtomicLong openedAt = new AtomicLong();
        AtomicBoolean certified = new AtomicBoolean();
        return requireHead(electionId)
                .invoke(head -> openedAt.set(head.sequence()))
                .onItem().transformToMulti(head -> Multi.createBy().repeating()
                        .uni(() -> fetch(electionId, next, follow && !certified.get()))
                        .until(batch -> batch.isEmpty() && (!follow || certified.get())))
                .onItem().transformToIterable(batch -> batch)
                .map(entry -> toProto(electionId, entry))
                .invoke(entry -> {
                    if (entry.getKind() == LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED) {
                        certified.set(true);
                    }
                })
                .map(entry -> withSignedHead(entry, openedAt.get()));
    }

    /** The entry's message; with the signed head at it when it was the head at opening or is the certification. */
    private StreamLedgerResponse withSignedHead(LedgerEntry entry, long openedAt) {
        StreamLedgerResponse.Builder message = StreamLedgerResponse.newBuilder().setEntry(entry);
        boolean certification = entry.getKind() == LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED;
        if (certification || entry.getSequence() == openedAt) {
            message.setSignedHead(signer.signed(LedgerHead.newBuilder()
                    .setElectionId(entry.getElectionId())
                    .setSequence(entry.getSequence())
                    .setEntryHash(entry.getEntryHash())
                    .setRecordTime(entry.getRecordTime())
                    .build(), certification));
        }
        return message.build();
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
