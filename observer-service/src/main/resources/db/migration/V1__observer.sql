-- The observer service's schema: organisations and quotas, accreditations and
-- badges, deployment assignments, reports with checklist answers and incidents.
-- Elections, districts and stations live in the registry and protocols in the
-- tally: they are referenced by their codes, never by foreign keys.

CREATE TABLE organisation (
    organisation_id text        PRIMARY KEY,
    name            text        NOT NULL,
    type            text        NOT NULL,
    country         char(2)     NOT NULL,
    contact_name    text        NOT NULL,
    contact_email   text        NOT NULL,
    contact_phone   text        NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX organisation_by_country ON organisation (country, organisation_id);

-- At most one row per organisation and election; max_observers NULL = no limit.
-- Applications lock the row, so that concurrent ones cannot exceed the quota.
CREATE TABLE quota (
    organisation_id text        NOT NULL REFERENCES organisation,
    election_id     text        NOT NULL,
    max_observers   integer     CHECK (max_observers >= 0),
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (organisation_id, election_id)
);

CREATE TABLE accreditation (
    accreditation_id  uuid        PRIMARY KEY,
    election_id       text        NOT NULL,
    election_day      date        NOT NULL,
    organisation_id   text        NOT NULL REFERENCES organisation,
    given_name        text        NOT NULL,
    family_name       text        NOT NULL,
    citizenship       char(2)     NOT NULL,
    document_number   text        NOT NULL,
    date_of_birth     date        NOT NULL,
    mission_role      text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REFUSED', 'REVOKED')),
    badge_number      text        UNIQUE,
    valid_until       timestamptz,
    applied_at        timestamptz NOT NULL,
    decided_at        timestamptz,
    decided_by        text,
    refusal_reason    text,
    revoked_at        timestamptz,
    revocation_reason text,
    CHECK ((status IN ('APPROVED', 'REVOKED')) = (badge_number IS NOT NULL))
);
-- One live (PENDING or APPROVED) accreditation per person and election, whatever
-- the organisation: enforced here, so it holds under concurrency and across replicas.
CREATE UNIQUE INDEX one_live_accreditation ON accreditation (election_id, citizenship, document_number)
    WHERE status IN ('PENDING', 'APPROVED');
CREATE INDEX accreditation_listing ON accreditation (election_id, family_name, given_name, accreditation_id);
CREATE INDEX accreditation_by_organisation ON accreditation (organisation_id, election_id, status);

CREATE TABLE assignment (
    assignment_id    uuid        PRIMARY KEY,
    accreditation_id uuid        NOT NULL REFERENCES accreditation,
    election_id      text        NOT NULL,
    organisation_id  text        NOT NULL,
    station_code     text        NOT NULL,
    district_code    text        NOT NULL,
    assigned_by      text        NOT NULL,
    assigned_at      timestamptz NOT NULL,
    UNIQUE (accreditation_id, station_code)
);
CREATE INDEX assignment_listing ON assignment (election_id, station_code, accreditation_id);

CREATE TABLE report (
    report_id        uuid        PRIMARY KEY,
    accreditation_id uuid        NOT NULL REFERENCES accreditation,
    election_id      text        NOT NULL,
    organisation_id  text        NOT NULL,
    station_code     text        NOT NULL,
    district_code    text        NOT NULL,
    assigned         boolean     NOT NULL,
    arrival_at       timestamptz NOT NULL,
    departure_at     timestamptz,
    filed_at         timestamptz NOT NULL,
    -- The most severe incident's severity (1 LOW .. 4 CRITICAL), 0 without incidents.
    max_severity     smallint    NOT NULL
);
CREATE INDEX report_listing ON report (election_id, filed_at, report_id);

CREATE TABLE report_answer (
    report_id   uuid    NOT NULL REFERENCES report,
    position    integer NOT NULL,
    question_id text    NOT NULL,
    answer      text    NOT NULL,
    comment     text    NOT NULL,
    PRIMARY KEY (report_id, position),
    UNIQUE (report_id, question_id)
);

CREATE TABLE incident (
    incident_id       uuid        PRIMARY KEY,
    report_id         uuid        NOT NULL REFERENCES report,
    position          integer     NOT NULL,
    election_id       text        NOT NULL,
    district_code     text        NOT NULL,
    category          text        NOT NULL,
    severity          smallint    NOT NULL CHECK (severity BETWEEN 1 AND 4),
    description       text        NOT NULL,
    occurred_at       timestamptz,
    cited_protocol_id uuid,
    UNIQUE (report_id, position)
);
CREATE INDEX incident_by_election ON incident (election_id, district_code, category);

-- Answers of completed mutating requests, for idempotent retries.
CREATE TABLE processed_request (
    request_id     text        PRIMARY KEY,
    method         text        NOT NULL,
    request_sha256 text        NOT NULL,
    response       bytea       NOT NULL,
    created_at     timestamptz NOT NULL
);
