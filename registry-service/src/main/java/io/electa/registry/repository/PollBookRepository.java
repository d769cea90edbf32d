package io.electa.registry.repository;

import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.pollbook.QueuedMark;
import io.electa.support.domain.Page;
import io.electa.support.domain.PageKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Uploaded poll books. One statement records a whole message of marks: it reads what the rules
 * need for every mark, claims the request_ids of the marks it keeps (a voter of the roll, at
 * the own or the certificate's station, or already marked anywhere), inserts the marks made at
 * the voter's station under the voter's primary key (once per voter and election), keeps the
 * other kept marks as conflicts (suspected double votes: the evidence stays even when the second
 * ballot was issued at a station where the voter does not belong), and bumps the station's
 * turnout counter by the marks inserted: one transaction, one round trip, whatever the number
 * of marks. Locks are taken in national ID and request_id order, so concurrent uploads do not
 * deadlock. Every lookup of a mark's voter, certificate, mark, request or conflict is a LATERAL
 * subquery by its key (LIMIT 1 keeps the planner from flattening it), so it stays an index lookup
 * per mark: as a plain join the planner hashed every mark of the election for each upload, and
 * an upload of a few marks read all 700,000 marks so far (1.7 s instead of a few milliseconds).
 */
@ApplicationScoped
public class PollBookRepository {
    private static final String OPEN = "SELECT e.status, EXISTS (SELECT 1 FROM station s WHERE s.election_id = $1"
            + " AND s.station_code = $2) AS station FROM election e WHERE e.election_id = $1";

    /** Package-visible for HotLookupPlanTest, which checks its lookups stay index lookups per partition. */
    static final String RECORD = """
            WITH input AS (
                SELECT q.* FROM unnest($3::text[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
                    WITH ORDINALITY AS q(national_id, device_time, device_id, request_id, fingerprint, ord)
            ), open_election AS (
                SELECT status FROM election WHERE election_id = $1
            ), ctx AS (
                SELECT q.*, v.station_code AS home_station, c.station_code AS certificate_station,
                       m.station_code AS marked_station,
                       $2 = coalesce(c.station_code, v.station_code) AS own_station
                FROM input q
                LEFT JOIN LATERAL (SELECT station_code FROM voter
                                   WHERE election_id = $1 AND national_id = q.national_id LIMIT 1) v ON true
                LEFT JOIN LATERAL (SELECT station_code FROM absentee_certificate
                                   WHERE election_id = $1 AND national_id = q.national_id AND status = 'ACTIVE'
                                   LIMIT 1) c ON true
                LEFT JOIN LATERAL (SELECT station_code FROM vote_mark
                                   WHERE election_id = $1 AND national_id = q.national_id LIMIT 1) m ON true
            ), allowed AS (
                SELECT ctx.* FROM ctx, open_election
                WHERE open_election.status = 'POLLING' AND ctx.home_station IS NOT NULL
                  AND (ctx.own_station OR ctx.marked_station IS NOT NULL)
            ), claimed AS (
                INSERT INTO processed_request (request_id, method, request_sha256, created_at)
                SELECT request_id, $8, fingerprint, clock_timestamp() FROM allowed ORDER BY request_id
                ON CONFLICT (request_id) DO NOTHING
                RETURNING request_id
            ), inserted AS (
                INSERT INTO vote_mark (election_id, national_id, station_code, marked_at, request_id, absentee,
                                       device_id, device_time, marked_by)
                SELECT $1, a.national_id, $2, clock_timestamp(), a.request_id, a.certificate_station IS NOT NULL,
                       a.device_id, a.device_time, $9
                FROM allowed a JOIN claimed USING (request_id)
                WHERE a.own_station
                ORDER BY a.national_id, a.ord
                ON CONFLICT (election_id, national_id) DO NOTHING
                RETURNING request_id, national_id
            ), conflicted AS (
                INSERT INTO mark_conflict (request_id, election_id, national_id, station_code, device_id, device_time,
                                           counted_station_code, record_time, marked_by)
                SELECT a.request_id, $1, a.national_id, $2, a.device_id, a.device_time,
                       coalesce(a.marked_station, CASE WHEN here.national_id IS NOT NULL THEN $2 END),
                       clock_timestamp(), $9
                FROM allowed a
                JOIN claimed USING (request_id)
                LEFT JOIN inserted i ON i.request_id = a.request_id
                LEFT JOIN (SELECT DISTINCT national_id FROM inserted) here ON here.national_id = a.national_id
                WHERE i.request_id IS NULL
                RETURNING request_id, counted_station_code
            ), counted AS (
                UPDATE turnout_counter t SET voted = t.voted + (SELECT count(*) FROM inserted)
                WHERE t.election_id = $1 AND t.station_code = $2 AND EXISTS (SELECT 1 FROM inserted)
                RETURNING t.voted
            )
            SELECT ctx.ord, ctx.home_station, ctx.certificate_station, ctx.marked_station,
                   (SELECT status FROM open_election) AS status,
                   c.request_id IS NOT NULL AS claimed,
                   i.request_id IS NOT NULL AS recorded,
                   k.request_id IS NOT NULL AS conflicted, k.counted_station_code AS conflict_station,
                   p.method AS stored_method, p.request_sha256 AS stored_sha256,
                   m.station_code AS stored_mark_station, m.request_id AS stored_mark_request,
                   kk.request_id IS NOT NULL AS stored_conflicted, kk.counted_station_code AS stored_conflict_station
            FROM ctx
            LEFT JOIN claimed c ON c.request_id = ctx.request_id
            LEFT JOIN inserted i ON i.request_id = ctx.request_id
            LEFT JOIN conflicted k ON k.request_id = ctx.request_id
            """ + storedLookups("ctx") + " ORDER BY ctx.ord";

    private static final String STORED = """
            SELECT q.ord, p.method AS stored_method, p.request_sha256 AS stored_sha256,
                   m.station_code AS stored_mark_station, m.request_id AS stored_mark_request,
                   kk.request_id IS NOT NULL AS stored_conflicted, kk.counted_station_code AS stored_conflict_station
            FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS q(request_id, national_id, ord)
            """ + storedLookups("q") + " ORDER BY q.ord";

    /**
     * The counted station of conflicts whose first mark a concurrent upload committed while the
     * recording statement ran (its snapshot could not see it): read now, in a new snapshot.
     */
    private static final String SETTLE = """
            UPDATE mark_conflict k SET counted_station_code = m.station_code
            FROM vote_mark m
            WHERE k.request_id = ANY($2::text[]) AND k.counted_station_code IS NULL
              AND m.election_id = $1 AND m.national_id = k.national_id
            RETURNING k.request_id, k.counted_station_code
            """;

    private static final String CONFLICTS = """
            SELECT k.national_id, k.station_code, s.district_code, k.device_id, k.device_time, k.request_id,
                   k.counted_station_code, k.record_time, k.marked_by
            FROM mark_conflict k
            JOIN station s ON s.election_id = k.election_id AND s.station_code = k.station_code
            WHERE k.election_id = $1 AND ($2 = '' OR s.district_code = $2) AND ($3 = '' OR k.station_code = $3)
              AND (k.station_code, k.national_id, k.request_id) > ($4, $5, $6)
            ORDER BY k.station_code, k.national_id, k.request_id
            LIMIT $7
            """;

    private final Pool pool;

    /**
     * What is stored for each mark of {@code source} (its request_id and national_id; $1 is the
     * election): the request (p), the voter's mark (m) and the conflict (kk), each by its key.
     */
    private static String storedLookups(String source) {
        return """
                LEFT JOIN LATERAL (SELECT method, request_sha256 FROM processed_request
                                   WHERE request_id = %1$s.request_id LIMIT 1) p ON true
                LEFT JOIN LATERAL (SELECT station_code, request_id FROM vote_mark
                                   WHERE election_id = $1 AND national_id = %1$s.national_id LIMIT 1) m ON true
                LEFT JOIN LATERAL (SELECT request_id, counted_station_code FROM mark_conflict
                                   WHERE request_id = %1$s.request_id LIMIT 1) kk ON true
                """.formatted(source);
    }

    public PollBookRepository(Pool pool) {
        this.pool = pool;
    }

    /** What a poll book's header names: the election's status and whether the station exists; null: no election. */
    public record Opening(ElectionStatus status, boolean stationExists) {
    }

    public Uni<Opening> open(String electionId, String stationCode) {
        return pool.preparedQuery(OPEN).execute(Tuple.of(electionId, stationCode))
                .map(rows -> rows.size() == 0 ? null : new Opening(ElectionStatus.valueOf(rows.iterator().next()
                        .getString("status")), rows.iterator().next().getBoolean("station")));
    }

    /**
     * What the statement saw and did for one mark: the voter's stations (on the roll, of the
     * certificate, of the mark the voter already had), whether it claimed the
     * request_id, recorded the mark or kept it as a conflict (with the counted station, null
     * until settled), and what the store held before.
     */
    public record Attempt(String homeStation, String certificateStation, String markedStation, boolean claimed,
            boolean recorded, boolean conflicted, String conflictStation, Stored stored) {
    }

    /**
     * What the store holds for a mark's request_id (method and fingerprint, or null), with the
     * voter's mark and the conflict the request_id made, if any.
     */
    public record Stored(String method, String fingerprint, String markStation, String markRequestId,
            boolean conflicted, String conflictStation) {
    }

    /** The election's status as the statement saw it, and what it did for every mark, in order. */
    public record Recording(ElectionStatus status, List<Attempt> attempts) {
    }

    /**
     * Records {@code marks} (distinct request_ids) made at {@code stationCode} and uploaded by
     * {@code markedBy}, in one statement.
     */
    public Uni<Recording> record(String electionId, String stationCode, String method, String markedBy,
            List<QueuedMark> marks) {
        int n = marks.size();
        String[] ids = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] devices = new String[n];
        String[] requestIds = new String[n];
        String[] fingerprints = new String[n];
        for (int i = 0; i < n; i++) {
            QueuedMark mark = marks.get(i);
            ids[i] = mark.nationalId();
            times[i] = mark.deviceTime().atOffset(ZoneOffset.UTC);
            devices[i] = mark.deviceId();
            requestIds[i] = mark.key().requestId();
            fingerprints[i] = mark.key().fingerprint();
        }
        return pool.preparedQuery(RECORD)
                .execute(Tuple.tuple(List.of(electionId, stationCode, ids, times, devices, requestIds, fingerprints,
                        method, markedBy)))
                .map(rows -> {
                    List<Attempt> attempts = new ArrayList<>(n);
                    ElectionStatus status = null;
                    for (Row row : rows) {
                        status = ElectionStatus.valueOf(row.getString("status"));
                        attempts.add(new Attempt(row.getString("home_station"), row.getString("certificate_station"),
                                row.getString("marked_station"), row.getBoolean("claimed"), row.getBoolean("recorded"), row.getBoolean("conflicted"),
                                row.getString("conflict_station"), stored(row)));
                    }
                    return new Recording(status, attempts);
                });
    }

    /** What the store holds now for these marks' request_ids (after twins committed), in order. */
    public Uni<List<Stored>> stored(String electionId, List<QueuedMark> marks) {
        String[] requestIds = marks.stream().map(m -> m.key().requestId()).toArray(String[]::new);
        String[] ids = marks.stream().map(QueuedMark::nationalId).toArray(String[]::new);
        return pool.preparedQuery(STORED).execute(Tuple.of(electionId, requestIds, ids))
                .map(rows -> {
                    List<Stored> stored = new ArrayList<>(marks.size());
                    rows.forEach(row -> stored.add(stored(row)));
                    return stored;
                });
    }

    /** Settles the counted station of these conflicts; the stations by request_id. */
    public Uni<java.util.Map<String, String>> settle(String electionId, List<String> requestIds) {
        return pool.preparedQuery(SETTLE).execute(Tuple.of(electionId, requestIds.toArray(String[]::new)))
                .map(rows -> {
                    java.util.Map<String, String> stations = new java.util.HashMap<>();
                    rows.forEach(row -> stations.put(row.getString("request_id"),
                            row.getString("counted_station_code")));
                    return stations;
                });
    }

    /** A conflict as listed. */
    public record Conflict(String nationalId, String stationCode, String districtCode, String deviceId,
            Instant deviceTime, String requestId, String countedStationCode, Instant recordTime, String markedBy) {
    }

    /** One page of an election's conflicts (of a district or station when given), after {@code afterKey}. */
    public Uni<Page<Conflict>> conflicts(String electionId, String district, String station, List<String> after,
            int size) {
        List<String> key = after.isEmpty() ? List.of("", "", "") : after;
        return pool.preparedQuery(CONFLICTS)
                .execute(Tuple.tuple(List.of(electionId, district, station, key.get(0), key.get(1), key.get(2),
                        size + 1)))
                .map(rows -> {
                    List<Conflict> found = new ArrayList<>(rows.size());
                    rows.forEach(row -> found.add(new Conflict(row.getString("national_id"),
                            row.getString("station_code"), row.getString("district_code"), row.getString("device_id"),
                            row.getOffsetDateTime("device_time").toInstant(), row.getString("request_id"),
                            Objects.requireNonNullElse(row.getString("counted_station_code"), ""),
                            row.getOffsetDateTime("record_time").toInstant(), row.getString("marked_by"))));
                    return Page.of(found, size, c -> PageKeys.join(c.stationCode(), c.nationalId(), c.requestId()));
                });
    }

    private static Stored stored(Row row) {
        String method = row.getString("stored_method");
        return new Stored(method, row.getString("stored_sha256"), row.getString("stored_mark_station"),
                row.getString("stored_mark_request"), row.getBoolean("stored_conflicted"),
                row.getString("stored_conflict_station"));
    }
}
