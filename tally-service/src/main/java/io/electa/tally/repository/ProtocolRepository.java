package io.electa.tally.repository;

import com.google.protobuf.InvalidProtocolBufferException;
import io.electa.support.domain.Page;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolReview;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.ReviewDecision;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Protocol versions, written once with their recorded message; only the status and the
 * superseding version change. Reviews are appended.
 */
@ApplicationScoped
public class ProtocolRepository {
    private static final String COLUMNS = "protocol_id, status, superseded_by, recorded";
    private static final String INSERT = "INSERT INTO protocol (protocol_id, election_id, station_code, district_code,"
            + " version, status, recorded, ledger_sequence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
    private static final String SET_STATUS = "UPDATE protocol SET status = $2, superseded_by = $3"
            + " WHERE protocol_id = $1";
    private static final String INSERT_REVIEW = "INSERT INTO protocol_review (protocol_id, ledger_sequence, decision,"
            + " text, reviewed_by, review_time) VALUES ($1, $2, $3, $4, $5, $6)";
    private static final String FIND = "SELECT " + COLUMNS + " FROM protocol WHERE election_id = $1 AND protocol_id = $2";
    private static final String HISTORY = "SELECT " + COLUMNS + " FROM protocol"
            + " WHERE election_id = $1 AND station_code = $2 ORDER BY version";
    private static final String REVIEWS = "SELECT protocol_id, decision, text, reviewed_by, review_time"
            + " FROM protocol_review WHERE protocol_id = ANY($1) ORDER BY ledger_sequence";
    private static final String LIST = "SELECT " + COLUMNS + ", station_code, version FROM protocol"
            + " WHERE election_id = $1 AND ($2 = '' OR district_code = $2) AND ($3 = '' OR station_code = $3)"
            + " AND (cardinality($4::smallint[]) = 0 OR status = ANY($4))"
            + " AND (station_code, version) > ($5, $6) ORDER BY station_code, version LIMIT $7";

    /** A stored version: what the ledger recorded, and what changed since. */
    public record Stored(Protocol recorded, ProtocolStatus status, UUID supersededBy) {
        public UUID id() {
            return UUID.fromString(recorded.getProtocolId());
        }
    }

    public Uni<Void> insert(SqlClient tx, Protocol p) {
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(List.of(UUID.fromString(p.getProtocolId()), p.getElectionId(), p.getStationCode(),
                        p.getDistrictCode(), p.getVersion(), (short) p.getStatus().getNumber(),
                        Buffer.buffer(p.toByteArray()), p.getLedgerSequence())))
                .replaceWithVoid();
    }

    public Uni<Void> setStatus(SqlClient tx, UUID protocolId, ProtocolStatus status, UUID supersededBy) {
        return tx.preparedQuery(SET_STATUS)
                .execute(Tuple.from(Arrays.asList(protocolId, (short) status.getNumber(), supersededBy)))
                .replaceWithVoid();
    }

    public Uni<Void> insertReview(SqlClient tx, UUID protocolId, long ledgerSequence, ProtocolReview review) {
        return tx.preparedQuery(INSERT_REVIEW)
                .execute(Tuple.from(List.of(protocolId, ledgerSequence, (short) review.getDecision().getNumber(),
                        review.getText(), review.getReviewedBy(),
                        Timestamps.toSql(Timestamps.fromProto(review.getReviewTime())))))
                .replaceWithVoid();
    }

    /** The version with this id in the election, or null. */
    public Uni<Stored> find(SqlClient db, String electionId, UUID protocolId) {
        return db.preparedQuery(FIND)
                .execute(Tuple.of(electionId, protocolId))
                .map(rows -> rows.size() == 0 ? null : toStored(rows.iterator().next()));
    }

    /** Every version of the station's protocol, oldest first. */
    public Uni<List<Stored>> history(SqlClient db, String electionId, String stationCode) {
        return db.preparedQuery(HISTORY)
                .execute(Tuple.of(electionId, stationCode))
                .map(ProtocolRepository::toList);
    }

    /** The reviews of these versions, oldest first, by version id. */
    public Uni<Map<UUID, List<ProtocolReview>>> reviews(SqlClient db, List<UUID> protocolIds) {
        if (protocolIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return db.preparedQuery(REVIEWS)
                .execute(Tuple.of(protocolIds.toArray(new UUID[0])))
                .map(rows -> {
                    Map<UUID, List<ProtocolReview>> reviews = new HashMap<>();
                    rows.forEach(row -> reviews.computeIfAbsent(row.getUUID("protocol_id"), id -> new ArrayList<>())
                            .add(ProtocolReview.newBuilder()
                                    .setDecision(ReviewDecision.forNumber(row.getShort("decision")))
                                    .setText(row.getString("text"))
                                    .setReviewedBy(row.getString("reviewed_by"))
                                    .setReviewTime(Timestamps.toProto(row.getOffsetDateTime("review_time").toInstant()))
                                    .build()));
                    return reviews;
                });
    }

    /** One page of versions matching the filters (empty filter: any), after the key "station/version". */
    public Uni<Page<Stored>> list(SqlClient db, String electionId, String district, String station,
            List<ProtocolStatus> statuses, String afterKey, int size) {
        String afterStation = afterKey.isEmpty() ? "" : afterKey.substring(0, afterKey.lastIndexOf('/'));
        int afterVersion = afterKey.isEmpty() ? 0 : Integer.parseInt(afterKey.substring(afterKey.lastIndexOf('/') + 1));
        Short[] codes = statuses.stream().map(s -> (short) s.getNumber()).toArray(Short[]::new);
        return db.preparedQuery(LIST)
                .execute(Tuple.from(List.of(electionId, district, station, codes, afterStation, afterVersion,
                        size + 1)))
                .map(rows -> Page.of(toList(rows), size,
                        s -> s.recorded().getStationCode() + "/" + s.recorded().getVersion()));
    }

    private static List<Stored> toList(RowSet<Row> rows) {
        List<Stored> stored = new ArrayList<>(rows.size());
        rows.forEach(row -> stored.add(toStored(row)));
        return stored;
    }

    private static Stored toStored(Row row) {
        try {
            return new Stored(Protocol.parseFrom(row.getBuffer("recorded").getBytes()),
                    ProtocolStatus.forNumber(row.getShort("status")), row.getUUID("superseded_by"));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("stored protocol " + row.getUUID("protocol_id") + " is unreadable", e);
        }
    }
}
