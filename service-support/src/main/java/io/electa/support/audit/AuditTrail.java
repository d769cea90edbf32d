package io.electa.support.audit;

import io.electa.common.v1.AuditEvent;
import io.electa.common.v1.AuditFilter;
import io.electa.common.v1.FieldViolationReason;
import io.electa.common.v1.Role;
import io.electa.support.domain.Page;
import io.electa.support.domain.Violations;
import io.electa.support.grpc.Pages;
import io.electa.support.grpc.Timestamps;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The service's audit trail as auditors list it (ListAuditEvents of every service). */
@ApplicationScoped
public class AuditTrail {
    private static final String LIST = """
            SELECT event_id, event_time, subject, roles, scope_station_code, scope_district_code,
                   scope_accreditation_id, rpc, request_id, election_id, target, outcome
            FROM audit_event
            WHERE event_id > $1
              AND ($2 = '' OR election_id = $2)
              AND ($3 = '' OR subject = $3)
              AND ($4 = '' OR rpc = $4 OR rpc LIKE '%/' || $4)
              AND ($5::timestamptz IS NULL OR event_time >= $5)
              AND ($6::timestamptz IS NULL OR event_time < $6)
              AND ($7 = '' OR request_id = $7)
            ORDER BY event_id
            LIMIT $8
            """;

    private final Pool pool;

    public AuditTrail(Pool pool) {
        this.pool = pool;
    }

    /** One page of the events {@code filter} selects, oldest first. */
    public Uni<Page<AuditEvent>> list(AuditFilter filter, int pageSize, String pageToken) {
        Violations violations = new Violations();
        String after = Pages.afterKey(pageToken, violations);
        long afterId = parseId(after, violations);
        violations.throwIfAny();
        int size = Pages.size(pageSize);
        Tuple parameters = Tuple.of(afterId, filter.getElectionId(), filter.getSubject(), filter.getRpc(),
                filter.hasStartTime() ? Timestamps.toSql(Timestamps.fromProto(filter.getStartTime())) : null,
                filter.hasEndTime() ? Timestamps.toSql(Timestamps.fromProto(filter.getEndTime())) : null)
                .addString(filter.getRequestId())
                .addInteger(size + 1);
        return pool.preparedQuery(LIST).execute(parameters).map(rows -> {
            List<AuditEvent> events = new ArrayList<>();
            rows.forEach(row -> events.add(toEvent(row)));
            return Page.of(events, size, event -> Long.toString(event.getEventId()));
        });
    }

    private static long parseId(String after, Violations violations) {
        if (after.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(after);
        } catch (NumberFormatException e) {
            violations.check(false, "page_token", FieldViolationReason.MALFORMED,
                    "is not a token this service issued");
            return 0;
        }
    }

    private static AuditEvent toEvent(Row row) {
        AuditEvent.Builder event = AuditEvent.newBuilder()
                .setEventId(row.getLong("event_id"))
                .setEventTime(Timestamps.toProto(row.getOffsetDateTime("event_time").toInstant()))
                .setSubject(row.getString("subject"))
                .setScopeStationCode(row.getString("scope_station_code"))
                .setScopeDistrictCode(row.getString("scope_district_code"))
                .setScopeAccreditationId(row.getString("scope_accreditation_id"))
                .setRpc(row.getString("rpc"))
                .setRequestId(row.getString("request_id"))
                .setElectionId(row.getString("election_id"))
                .setTarget(row.getString("target"))
                .setOutcome(row.getString("outcome"));
        for (String role : row.getArrayOfStrings("roles")) {
            event.addRoles(Role.valueOf(role));
        }
        return event.build();
    }
}
