-- A request_id is claimed in the transaction of its effect before its answer exists, and some
-- answers live with their effect (a vote mark): see io.electa.support.idempotency.
ALTER TABLE processed_request ALTER COLUMN response DROP NOT NULL;
