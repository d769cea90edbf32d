package io.electa.registry.repository;

import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.domain.VoteMark;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Vote marks. One statement reads what the rules need, inserts the mark when they allow it
 * (the primary key makes it once per voter and election) and bumps the station's turnout
 * counter in the same transaction. The marking station is the voter's own or the
 * certificate's, both known to exist, so whether another station exists is asked only when
 * a mark is refused.
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
            ), inserted AS (
                INSERT INTO vote_mark (election_id, national_id, station_code, marked_at, request_id, absentee)
                SELECT $1, $2, $3, clock_timestamp(), $4, ctx.certificate_station IS NOT NULL
                FROM ctx
                WHERE ctx.status = 'POLLING'
                  AND $3 = coalesce(ctx.certificate_station, ctx.home_station)
                ON CONFLICT (election_id, national_id) DO NOTHING
                RETURNING station_code, marked_at, request_id, absentee
            ), counted AS (
                UPDATE turnout_counter t SET voted = t.voted + 1
                FROM inserted
                WHERE t.election_id = $1 AND t.station_code = inserted.station_code
                RETURNING t.voted
            )
            SELECT ctx.status, ctx.home_station, ctx.certificate_station,
                   (SELECT count(*) FROM counted) AS counted,
                   coalesce(i.station_code, m.station_code) AS mark_station,
                   coalesce(i.marked_at, m.marked_at) AS mark_time,
                   coalesce(i.request_id, m.request_id) AS mark_request_id,
                   coalesce(i.absentee, m.absentee) AS mark_absentee,
                   i.station_code IS NOT NULL AS created
            FROM ctx
            LEFT JOIN inserted i ON true
            LEFT JOIN vote_mark m ON m.election_id = $1 AND m.national_id = $2
            """;

    private static final String FIND = "SELECT station_code, marked_at, request_id, absentee FROM vote_mark"
            + " WHERE election_id = $1 AND national_id = $2";

    private static final String STATION_EXISTS =
            "SELECT EXISTS (SELECT 1 FROM station WHERE election_id = $1 AND station_code = $2)";

    private final Pool pool;

    public MarkRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Attempts the mark; null when the election does not exist. One statement is one
     * transaction: the mark and its counter commit together, in a single round trip.
     */
    public Uni<MarkAttempt> mark(String electionId, String nationalId, String stationCode, String requestId) {
        return pool.preparedQuery(MARK)
                .execute(Tuple.of(electionId, nationalId, stationCode, requestId))
                .map(rows -> rows.size() == 0 ? null : toAttempt(electionId, nationalId, rows.iterator().next()));
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
                .map(rows -> rows.size() == 0 ? null : toMark(electionId, nationalId, rows.iterator().next(),
                        "station_code", "marked_at", "request_id", "absentee"));
    }

    private static MarkAttempt toAttempt(String electionId, String nationalId, Row row) {
        VoteMark mark = row.getString("mark_station") == null ? null
                : toMark(electionId, nationalId, row, "mark_station", "mark_time", "mark_request_id", "mark_absentee");
        return new MarkAttempt(ElectionStatus.valueOf(row.getString("status")), row.getString("home_station"),
                row.getString("certificate_station"),
                Boolean.TRUE.equals(row.getBoolean("created")), mark);
    }

    private static VoteMark toMark(String electionId, String nationalId, Row row, String station, String time,
            String requestId, String absentee) {
        return new VoteMark(electionId, nationalId, row.getString(station),
                row.getOffsetDateTime(time).toInstant(), row.getString(requestId), row.getBoolean(absentee));
    }

    /**
     * What one attempt saw and did: the rules' inputs, whether it created the mark, and the
     * mark now on record (created by this attempt or an earlier one), if any.
     */
    public record MarkAttempt(ElectionStatus status, String homeStation, String certificateStation,
            boolean created, VoteMark mark) {
    }
}
