package io.electa.registry.repository;

import io.electa.common.v1.ErrorReason;
import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.domain.VoteMark;
import io.electa.registry.repository.MarkBatch.Mark;
import io.electa.support.db.DatabaseFailures;
import io.electa.support.db.GroupCommit;
import io.electa.support.db.WritersPool;
import io.electa.support.domain.UnavailableException;
import io.electa.support.idempotency.RequestKey;
import io.electa.support.idempotency.StoredRequest;
import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Vote marks. Marks are written by group commit: while the database writes one batch, the marks
 * that arrive queue, and the next free writer takes all of them (at most
 * {@code electa.marking.max-batch}) in one statement; a batch never waits to fill
 * ({@link GroupCommit}, {@link MarkBatch}). For each mark the statement reads what the rules
 * need; when they allow it, it claims the request_id in the answer store
 * ({@code processed_request}: a twin's claim waits for this one), inserts the mark under the
 * primary key (once per voter and election) and bumps the station's turnout counter, all in one
 * transaction, on the writers' own connections ({@link WritersPool}: the statement is planned
 * once per connection). A mark is its own answer, so the store keeps only what the request was. The
 * marking station is the voter's own or the certificate's, both known to exist, so whether
 * another station exists is asked only when a mark is refused.
 */
@ApplicationScoped
public class MarkRepository {
    private static final String STORED = """
            SELECT p.method AS stored_method, p.request_sha256 AS stored_sha256,
                   m.station_code AS mark_station, m.marked_at AS mark_time, m.request_id AS mark_request_id,
                   m.absentee AS mark_absentee, m.marked_by AS mark_by
            FROM processed_request p
            LEFT JOIN vote_mark m ON m.election_id = $2 AND m.national_id = $3
            WHERE p.request_id = $1
            """;

    private static final String FIND = "SELECT station_code AS mark_station, marked_at AS mark_time,"
            + " request_id AS mark_request_id, absentee AS mark_absentee, marked_by AS mark_by FROM vote_mark"
            + " WHERE election_id = $1 AND national_id = $2";

    private static final String STATION_EXISTS =
            "SELECT EXISTS (SELECT 1 FROM station WHERE election_id = $1 AND station_code = $2)";

    private final Pool pool;
    private final Pool writerPool;
    private final GroupCommit<PendingMark> batches;

    public MarkRepository(Pool pool, @ReactiveDataSource(WritersPool.NAME) Pool writerPool,
            @ConfigProperty(name = "electa.marking.max-batch") int maxBatch,
            @ConfigProperty(name = "electa.marking.writers") int writers,
            @ConfigProperty(name = "electa.marking.batch-timeout") Duration batchTimeout) {
        this.pool = pool;
        this.writerPool = writerPool;
        this.batches = new GroupCommit<>(maxBatch, writers,
                (batch, next) -> batch.stream()
                        .allMatch(pending -> MarkBatch.independent(pending.mark(), next.mark())),
                this::write, batchTimeout, MarkRepository::abandon);
    }

    /**
     * Attempts the mark; null when the election does not exist. The mark waits for a free writer
     * and goes in one statement, one transaction and one commit with the marks that queued beside
     * it ({@link MarkBatch}); it is decided as if alone.
     */
    public Uni<MarkAttempt> mark(String electionId, String nationalId, String stationCode, RequestKey key) {
        Mark mark = new Mark(electionId, nationalId, stationCode, key);
        return Uni.createFrom().emitter(emitter -> batches.add(new PendingMark(mark, emitter)));
    }

    /**
     * Writes a batch and answers its marks. A batch that fails for a reason other than the
     * database being away (a deadlock with another writer, or something one mark's input
     * provoked) is tried again one mark at a time, so no mark fails for another's sake.
     */
    private Uni<List<PendingMark>> write(List<PendingMark> batch) {
        return MarkBatch.attempt(writerPool, batch.stream().map(PendingMark::mark).toList())
                .map(attempts -> {
                    for (int i = 0; i < batch.size(); i++) {
                        batch.get(i).emitter().complete(attempts.get(i));
                    }
                    return List.<PendingMark>of();
                })
                .onFailure(failure -> batch.size() > 1 && !(DatabaseFailures.classify(failure)
                        instanceof UnavailableException))
                .recoverWithUni(() -> Uni.join().all(batch.stream().map(this::writeAlone).toList()).andFailFast()
                        .replaceWith(List.<PendingMark>of()))
                .onFailure().recoverWithItem(failure -> {
                    batch.forEach(pending -> pending.emitter().fail(failure));
                    return List.of();
                });
    }

    private Uni<Void> writeAlone(PendingMark pending) {
        return MarkBatch.attempt(writerPool, List.of(pending.mark()))
                .onItemOrFailure().invoke((attempts, failure) -> {
                    if (failure != null) {
                        pending.emitter().fail(failure);
                    } else {
                        pending.emitter().complete(attempts.get(0));
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static void abandon(List<PendingMark> batch, Throwable failure) {
        UnavailableException answer = new UnavailableException("the mark could not be written in time; retry with"
                + " the same request_id", ErrorReason.DATABASE_TIMEOUT);
        batch.forEach(pending -> pending.emitter().fail(answer));
    }

    /** A mark waiting for a writer, and where its answer goes. */
    private record PendingMark(Mark mark, UniEmitter<? super MarkAttempt> emitter) {
    }

    /**
     * What the store holds for {@code key}'s request_id, with the voter's mark as it is now
     * (after a twin committed); null when nothing is stored.
     */
    public Uni<Replay> stored(String electionId, String nationalId, RequestKey key) {
        return pool.preparedQuery(STORED)
                .execute(Tuple.of(key.requestId(), electionId, nationalId))
                .map(rows -> rows.size() == 0 ? null : new Replay(stored(key, rows.iterator().next()),
                        toMark(electionId, nationalId, rows.iterator().next())));
    }

    public Uni<Boolean> stationExists(String electionId, String stationCode) {
        return pool.preparedQuery(STATION_EXISTS)
                .execute(Tuple.of(electionId, stationCode))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The voter's mark, or null. */
    public Uni<VoteMark> find(String electionId, String nationalId) {
        return pool.preparedQuery(FIND)
                .execute(Tuple.of(electionId, nationalId))
                .map(rows -> rows.size() == 0 ? null : toMark(electionId, nationalId, rows.iterator().next()));
    }

    private static StoredRequest stored(RequestKey key, Row row) {
        String method = row.getString("stored_method");
        return method == null ? null
                : new StoredRequest(key.requestId(), method, row.getString("stored_sha256"), null);
    }

    static VoteMark toMark(String electionId, String nationalId, Row row) {
        if (row.getString("mark_station") == null) {
            return null;
        }
        return new VoteMark(electionId, nationalId, row.getString("mark_station"),
                row.getOffsetDateTime("mark_time").toInstant(), row.getString("mark_request_id"),
                row.getBoolean("mark_absentee"), row.getString("mark_by"));
    }

    /**
     * What one attempt saw and did: the rules' inputs and whether they allowed the mark; whether
     * it claimed the request_id and created the mark; the voter's mark on record, if any; and
     * what the store held for the request_id before the attempt, if anything.
     */
    public record MarkAttempt(ElectionStatus status, String homeStation, String certificateStation,
            boolean allowed, boolean claimed, boolean created, VoteMark mark, StoredRequest stored) {
    }

    /** A request_id found in the store, and the voter's mark. */
    public record Replay(StoredRequest stored, VoteMark mark) {
    }
}
