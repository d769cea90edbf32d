package io.electa.support.audit;

import java.util.List;

/**
 * The columns of an audit event a change writes (table {@code audit_event}), as statement
 * parameters: appended to the statement that stores the change's answer, so the event commits
 * exactly when the change does, in the same round trip.
 */
public final class AuditColumns {
    /** Number of parameters {@link #insertFrom} takes. */
    public static final int COUNT = 9;

    private AuditColumns() {
    }

    /**
     * {@code INSERT INTO audit_event … SELECT … FROM answered}, one event per row of the CTE
     * {@code answered} (which returns request_id), with parameters ${@code first} onwards in the
     * order of {@link #values}.
     */
    public static String insertFrom(String answered, int first) {
        StringBuilder sql = new StringBuilder("INSERT INTO audit_event (subject, roles, scope_station_code,"
                + " scope_district_code, scope_accreditation_id, rpc, election_id, target, outcome, request_id)"
                + " SELECT ");
        for (int i = 0; i < COUNT; i++) {
            int n = first + i;
            sql.append(i == 1 ? "string_to_array($" + n + ", ' ')" : "$" + n).append(", ");
        }
        return sql.append(answered).append(".request_id FROM ").append(answered).toString();
    }

    /** The parameter values of {@code entry}, in statement order. */
    public static List<Object> values(AuditEntry entry) {
        return List.of(entry.subject(), entry.roles(), entry.station(), entry.district(), entry.accreditation(),
                entry.rpc(), entry.electionId(), entry.target(), entry.outcome());
    }
}
