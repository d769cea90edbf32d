-- The audit trail every service keeps (electa.common.v1.AuditEvent): one row per change,
-- written in the transaction of the change. Append-only: the triggers below refuse UPDATE,
-- DELETE and TRUNCATE for every database user, the service's own included.
-- A repeatable migration shared by the three services (flyway location db/shared): it runs
-- after their versioned ones and again whenever this file changes, so it is idempotent.
CREATE TABLE IF NOT EXISTS audit_event (
    event_id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_time             timestamptz NOT NULL DEFAULT clock_timestamp(),
    subject                text        NOT NULL,
    roles                  text[]      NOT NULL,
    scope_station_code     text        NOT NULL,
    scope_district_code    text        NOT NULL,
    scope_accreditation_id text        NOT NULL,
    rpc                    text        NOT NULL,
    request_id             text        NOT NULL,
    election_id            text        NOT NULL,
    target                 text        NOT NULL,
    outcome                text        NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_event_by_election ON audit_event (election_id, event_id);
CREATE INDEX IF NOT EXISTS audit_event_by_subject ON audit_event (subject, event_id);
CREATE INDEX IF NOT EXISTS audit_event_by_request ON audit_event (request_id);

CREATE OR REPLACE FUNCTION audit_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE OR REPLACE TRIGGER audit_event_no_change
    BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_is_append_only();

CREATE OR REPLACE TRIGGER audit_event_no_truncate
    BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_is_append_only();
