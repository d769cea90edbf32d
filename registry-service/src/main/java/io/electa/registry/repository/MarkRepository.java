package io.electa.registry.repository;

import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.domain.VoteMark;
import io.electa.support.idempotency.RequestKey;
import io.electa.support.idempotency.StoredRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Vote marks. One statement reads what the rules need; when they allow the mark it claims the
 * request_id in the answer store ({@code processed_request}: a twin's claim waits for this one),
 * inserts the mark under the primary key (once per voter and election) and bumps the station's
 * turnout counter, all in one transaction and one round trip. A mark is its own answer, so the
 * store keeps only what the request was. The marking station is the voter's own or the
 * certificate's, both known to exist, so whether another station exists is asked only when a
 * mark is refused.
 */
@ApplicationScoped
public class MarkRepository {
    private static final String MARK = """
            WITH ctx AS (
                SELECT e.status,
                       v.station_code AS home_station,
                       c.station_code AS certificate_station
                FROM election e
                LEFT JOIN voter v ON v.election_id = e.election_id AND v.national_id = $2
                LEFT JOIN absentee_certificate c
                       ON c.election_id = e.election_id AND c.national_id = $2 AND c.status = 'ACTIVE'
                WHERE e.election_id = $1
            ), allowed AS (
                SELECT ctx.certificate_station IS NOT NULL AS absentee
                FROM ctx
                WHERE ctx.status = 'POLLING' AND $3 = coalesce(ctx.certificate_station, ctx.home_station)
            ), claimed AS (
                INSERT INTO processed_request (request_id, method, request_sha256, created_at)
                SELECT $4, $5, $6, clock_timestamp() FROM allowed
                ON CONFLICT (request_id) DO NOTHING
                RETURNING request_id
            ), inserted AS (
                INSERT INTO vote_mark (election_id, national_id, station_code, marked_at, request_id, absentee,
                                       marked_by)
                SELECT $1, $2, $3, clock_timestamp(), $4, allowed.absentee, $7
                FROM allowed, claimed
                ON CONFLICT (election_id, national_id) DO NOTHING
                RETURNING station_code, marked_at, request_id, absentee, marked_by
            ), counted AS (
                UPDATE turnout_counter t SET voted = t.voted + 1
                FROM inserted
                WHERE t.election_id = $1 AND t.station_code = inserted.station_code
                RETURNING t.voted
            )
            SELECT ctx.status, ctx.home_station, ctx.certificate_station,
                   EXISTS (SELECT 1 FROM allowed) AS allowed,
                   EXISTS (SELECT 1 FROM claimed) AS claimed,
                   (SELECT count(*) FROM counted) AS counted,
                   i.station_code IS NOT NULL AS created,
                   coalesce(i.station_code, m.station_code) AS mark_station,
                   coalesce(i.marked_at, m.marked_at) AS mark_time,
                   coalesce(i.request_id, m.request_id) AS mark_request_id,
                   coalesce(i.absentee, m.absentee) AS mark_absentee,
                   coalesce(i.marked_by, m.marked_by) AS mark_by,
                   p.method AS stored_method, p.request_sha256 AS stored_sha256
            FROM ctx
            LEFT JOIN inserted i ON true
            LEFT JOIN vote_mark m ON m.election_id = $1 AND m.national_id = $2
            LEFT JOIN processed_request p ON p.request_id = $4
            """;

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

    public MarkRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Attempts the mark; null when the election does not exist. One statement is one
     * transaction: the claim, the mark and its counter commit together, in a single round trip.
     */
    public Uni<MarkAttempt> mark(String electionId, String nationalId, String stationCode, RequestKey key) {
        return pool.preparedQuery(MARK)
                .execute(Tuple.tuple(List.of(electionId, nationalId, stationCode, key.requestId(), key.method(),
                        key.fingerprint(), key.audit().subject())))
                .map(rows -> rows.size() == 0 ? null : toAttempt(electionId, nationalId, key, rows.iterator().next()));
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

    private static MarkAttempt toAttempt(String electionId, String nationalId, RequestKey key, Row row) {
        return new MarkAttempt(ElectionStatus.valueOf(row.getString("status")), row.getString("home_station"),
                row.getString("certificate_station"), row.getBoolean("allowed"), row.getBoolean("claimed"),
                row.getBoolean("created"), toMark(electionId, nationalId, row), stored(key, row));
    }

    private static StoredRequest stored(RequestKey key, Row row) {
        String method = row.getString("stored_method");
        return method == null ? null
                : new StoredRequest(key.requestId(), method, row.getString("stored_sha256"), null);
    }

    private static VoteMark toMark(String electionId, String nationalId, Row row) {
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
