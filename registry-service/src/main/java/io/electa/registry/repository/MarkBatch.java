package io.electa.registry.repository;

import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.domain.VoteMark;
import io.electa.registry.repository.MarkRepository.MarkAttempt;
import io.electa.support.idempotency.RequestKey;
import io.electa.support.idempotency.StoredRequest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;

/**
 * Marks attempted together: one statement, one transaction, one commit for all of them, each
 * decided exactly as if it ran alone. For every mark it reads what the rules need; for the marks
 * the rules allow it claims the request_id in the answer store (a twin's claim waits for this
 * one), inserts the mark under the voter's primary key (once per voter and election) and bumps
 * each station's turnout counter by the marks inserted there. A batch holds at most one mark per
 * voter and one per request_id ({@link #independent}), so no two of its marks decide on each
 * other. Locks are taken in one order as far as a statement can order them (request_ids, then
 * voters, then stations, each sorted), so that batches in flight together wait for each other
 * rather than deadlock; a batch that fails anyway is retried mark by mark by its caller. Every
 * lookup is a LATERAL subquery by its key, so it stays an index lookup per mark; the mark and
 * the request on record are looked up only for the marks the statement did not create and
 * claim itself.
 */
final class MarkBatch {
    /** Package-visible for HotLookupPlanTest, which checks its lookups stay index lookups per partition. */
    static final String MARK = """
            WITH input AS (
                SELECT q.* FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                                       $7::text[])
                    WITH ORDINALITY AS q(election_id, national_id, station_code, request_id, method, fingerprint,
                                         marked_by, ord)
            ), ctx AS (
                SELECT q.*, e.status, v.station_code AS home_station, c.station_code AS certificate_station
                FROM input q
                LEFT JOIN LATERAL (SELECT status FROM election WHERE election_id = q.election_id LIMIT 1) e ON true
                LEFT JOIN LATERAL (SELECT station_code FROM voter
                                   WHERE election_id = q.election_id AND national_id = q.national_id LIMIT 1) v ON true
                LEFT JOIN LATERAL (SELECT station_code FROM absentee_certificate
                                   WHERE election_id = q.election_id AND national_id = q.national_id
                                     AND status = 'ACTIVE' LIMIT 1) c ON true
            ), allowed AS (
                SELECT ctx.* FROM ctx
                WHERE ctx.status = 'POLLING' AND ctx.station_code = coalesce(ctx.certificate_station, ctx.home_station)
            ), claimed AS (
                INSERT INTO processed_request (request_id, method, request_sha256, created_at)
                SELECT request_id, method, fingerprint, clock_timestamp() FROM allowed ORDER BY request_id
                ON CONFLICT (request_id) DO NOTHING
                RETURNING request_id
            ), inserted AS (
                INSERT INTO vote_mark (election_id, national_id, station_code, marked_at, request_id, absentee,
                                       marked_by)
                SELECT a.election_id, a.national_id, a.station_code, clock_timestamp(), a.request_id,
                       a.certificate_station IS NOT NULL, a.marked_by
                FROM allowed a JOIN claimed USING (request_id)
                ORDER BY a.election_id, a.national_id
                ON CONFLICT (election_id, national_id) DO NOTHING
                RETURNING election_id, request_id, station_code, marked_at, absentee, marked_by
            ), counted AS (
                UPDATE turnout_counter t SET voted = t.voted + d.marks
                FROM (SELECT election_id, station_code, count(*) AS marks FROM inserted
                      GROUP BY election_id, station_code ORDER BY election_id, station_code) d
                WHERE t.election_id = d.election_id AND t.station_code = d.station_code
            )
            SELECT ctx.ord, ctx.status, ctx.home_station, ctx.certificate_station,
                   a.ord IS NOT NULL AS allowed,
                   cl.request_id IS NOT NULL AS claimed,
                   i.request_id IS NOT NULL AS created,
                   coalesce(i.station_code, m.station_code) AS mark_station,
                   coalesce(i.marked_at, m.marked_at) AS mark_time,
                   coalesce(i.request_id, m.request_id) AS mark_request_id,
                   coalesce(i.absentee, m.absentee) AS mark_absentee,
                   coalesce(i.marked_by, m.marked_by) AS mark_by,
                   p.method AS stored_method, p.request_sha256 AS stored_sha256
            FROM ctx
            LEFT JOIN allowed a ON a.ord = ctx.ord
            LEFT JOIN claimed cl ON cl.request_id = ctx.request_id
            LEFT JOIN inserted i ON i.request_id = ctx.request_id
            LEFT JOIN LATERAL (SELECT station_code, marked_at, request_id, absentee, marked_by FROM vote_mark
                               WHERE i.request_id IS NULL
                                 AND election_id = ctx.election_id AND national_id = ctx.national_id LIMIT 1) m
                   ON true
            LEFT JOIN LATERAL (SELECT method, request_sha256 FROM processed_request
                               WHERE cl.request_id IS NULL AND request_id = ctx.request_id LIMIT 1) p ON true
            ORDER BY ctx.ord
            """;

    /** A mark to attempt: who, where, under which request, and who asks. */
    record Mark(String electionId, String nationalId, String stationCode, RequestKey key) {
    }

    private MarkBatch() {
    }

    /** Whether two marks decide independently of each other: another voter, another request_id. */
    static boolean independent(Mark one, Mark other) {
        return !one.key().requestId().equals(other.key().requestId())
                && !(one.nationalId().equals(other.nationalId()) && one.electionId().equals(other.electionId()));
    }

    /**
     * Attempts {@code marks} in one statement: what each attempt saw and did, in order; null for
     * a mark whose election does not exist.
     */
    static Uni<List<MarkAttempt>> attempt(Pool pool, List<Mark> marks) {
        int n = marks.size();
        String[][] columns = new String[7][n];
        for (int i = 0; i < n; i++) {
            Mark mark = marks.get(i);
            columns[0][i] = mark.electionId();
            columns[1][i] = mark.nationalId();
            columns[2][i] = mark.stationCode();
            columns[3][i] = mark.key().requestId();
            columns[4][i] = mark.key().method();
            columns[5][i] = mark.key().fingerprint();
            columns[6][i] = mark.key().audit().subject();
        }
        return pool.preparedQuery(MARK).execute(Tuple.tuple(List.of((Object[]) columns)))
                .map(rows -> {
                    List<MarkAttempt> attempts = new ArrayList<>(n);
                    for (Row row : rows) {
                        attempts.add(toAttempt(marks.get(attempts.size()), row));
                    }
                    if (attempts.size() != n) {
                        throw new IllegalStateException("a batch of " + n + " marks answered " + attempts.size());
                    }
                    return attempts;
                });
    }

    private static MarkAttempt toAttempt(Mark mark, Row row) {
        String status = row.getString("status");
        if (status == null) {
            return null;
        }
        String method = row.getString("stored_method");
        StoredRequest stored = method == null ? null
                : new StoredRequest(mark.key().requestId(), method, row.getString("stored_sha256"), null);
        return new MarkAttempt(ElectionStatus.valueOf(status), row.getString("home_station"),
                row.getString("certificate_station"), row.getBoolean("allowed"), row.getBoolean("claimed"),
                row.getBoolean("created"), MarkRepository.toMark(mark.electionId(), mark.nationalId(), row), stored);
    }
}
