package io.electa.support.idempotency;

import io.electa.support.audit.AuditColumns;

/** The SQL of the answer store, the same whichever client runs it. */
final class StoreSql {
    static final String CLAIM = "INSERT INTO processed_request (request_id, method, request_sha256, created_at)"
            + " VALUES ($1, $2, $3, $4) ON CONFLICT (request_id) DO NOTHING RETURNING request_id";
    static final String FIND = "SELECT request_id, method, request_sha256, response FROM processed_request"
            + " WHERE request_id = $1";
    static final String FIND_ALL = "SELECT request_id, method, request_sha256, response FROM processed_request"
            + " WHERE request_id = ANY($1)";
    /** Stores the answer and writes the change's audit event ($4..$12, see {@link AuditColumns}). */
    static final String COMPLETE = "WITH answered AS (UPDATE processed_request SET request_sha256 = $2, response = $3"
            + " WHERE request_id = $1 RETURNING request_id) " + AuditColumns.insertFrom("answered", 4);
    /** Stores request and answer and writes the change's audit event ($6..$14). */
    static final String INSERT_ANSWERED = "WITH answered AS (INSERT INTO processed_request"
            + " (request_id, method, request_sha256, response, created_at) VALUES ($1, $2, $3, $4, $5)"
            + " RETURNING request_id) " + AuditColumns.insertFrom("answered", 6);

    private StoreSql() {
    }

    /** The statement with JDBC-style positional parameters (?1, ?2, ...) for Hibernate. */
    static String positional(String sql) {
        return sql.replaceAll("\\$(\\d+)", "?$1");
    }
}
