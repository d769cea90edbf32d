-- The tally's own database. Elections, districts and stations belong to the registry and are
-- referenced by their codes only. Figures are never updated in place: a protocol version is
-- written once; what changes is which version is current and counted (station_tally) and the
-- running totals (district_totals), always in the same transaction as the ledger entry that
-- records the change.

-- Answers of completed mutating requests, for idempotent retries.
CREATE TABLE processed_request (
    request_id     text        PRIMARY KEY,
    method         text        NOT NULL,
    request_sha256 text        NOT NULL,
    response       bytea       NOT NULL,
    created_at     timestamptz NOT NULL
);

-- The candidate list of an election (replaced as a whole until the polls open).
CREATE TABLE candidate (
    election_id     text     NOT NULL,
    candidate_code  text     NOT NULL,
    full_name       text     NOT NULL,
    nomination_type smallint NOT NULL,
    party_name      text     NOT NULL,
    ballot_order    integer  NOT NULL CHECK (ballot_order >= 1),
    PRIMARY KEY (election_id, candidate_code),
    UNIQUE (election_id, ballot_order)
);

-- Every version of every station's protocol. `recorded` holds the electa.tally.v1.Protocol
-- message exactly as the ledger recorded it (figures, findings, status at submission).
CREATE TABLE protocol (
    protocol_id     uuid     PRIMARY KEY,
    election_id     text     NOT NULL,
    station_code    text     NOT NULL,
    district_code   text     NOT NULL,
    version         integer  NOT NULL CHECK (version >= 1),
    status          smallint NOT NULL,
    superseded_by   uuid,
    recorded        bytea    NOT NULL,
    ledger_sequence bigint   NOT NULL,
    UNIQUE (election_id, station_code, version)
);
CREATE INDEX protocol_by_district ON protocol (election_id, district_code, station_code, version);
CREATE INDEX protocol_by_status ON protocol (election_id, status, station_code, version);

-- Supervisor decisions, append-only.
CREATE TABLE protocol_review (
    protocol_id     uuid        NOT NULL REFERENCES protocol (protocol_id),
    ledger_sequence bigint      NOT NULL,
    decision        smallint    NOT NULL,
    text            text        NOT NULL,
    reviewed_by     text        NOT NULL,
    review_time     timestamptz NOT NULL,
    PRIMARY KEY (protocol_id, ledger_sequence)
);

-- Where each station stands: its current version, the version that counts (if any), exclusion.
CREATE TABLE station_tally (
    election_id         text     NOT NULL,
    station_code        text     NOT NULL,
    district_code       text     NOT NULL,
    current_protocol_id uuid,
    current_version     integer  NOT NULL DEFAULT 0,
    current_status      smallint NOT NULL DEFAULT 0,
    counted_protocol_id uuid,
    excluded            boolean  NOT NULL DEFAULT false,
    PRIMARY KEY (election_id, station_code)
);
CREATE INDEX station_tally_by_district ON station_tally (election_id, district_code, station_code);

CREATE TABLE exclusion (
    election_id     text        NOT NULL,
    station_code    text        NOT NULL,
    district_code   text        NOT NULL,
    reason          text        NOT NULL,
    excluded_by     text        NOT NULL,
    exclude_time    timestamptz NOT NULL,
    ledger_sequence bigint      NOT NULL,
    PRIMARY KEY (election_id, station_code)
);

-- Running sums over the counted protocols of each district; candidate_votes in ballot order.
-- The nation is the sum of its districts' rows.
CREATE TABLE district_totals (
    election_id       text     NOT NULL,
    district_code     text     NOT NULL,
    voters_registered bigint   NOT NULL,
    ballots_issued    bigint   NOT NULL,
    ballots_found     bigint   NOT NULL,
    ballots_valid     bigint   NOT NULL,
    ballots_invalid   bigint   NOT NULL,
    stations_reported integer  NOT NULL,
    stations_excluded integer  NOT NULL,
    candidate_votes   bigint[] NOT NULL,
    PRIMARY KEY (election_id, district_code)
);

-- The public, append-only, hash-chained ledger: one chain per election.
CREATE TABLE ledger_entry (
    election_id   text        NOT NULL,
    sequence      bigint      NOT NULL CHECK (sequence >= 1),
    previous_hash text        NOT NULL,
    entry_hash    text        NOT NULL,
    kind          smallint    NOT NULL,
    payload       bytea       NOT NULL,
    record_time   timestamptz NOT NULL,
    PRIMARY KEY (election_id, sequence)
);

-- The newest entry of each chain. Every mutation of an election locks this row first, so the
-- chain has no gaps or forks, also across replicas.
CREATE TABLE ledger_head (
    election_id text        PRIMARY KEY,
    sequence    bigint      NOT NULL,
    entry_hash  text        NOT NULL,
    record_time timestamptz NOT NULL,
    certified   boolean     NOT NULL DEFAULT false
);

CREATE TABLE certification (
    election_id     text        PRIMARY KEY,
    certified_by    text        NOT NULL,
    certify_time    timestamptz NOT NULL,
    ledger_sequence bigint      NOT NULL,
    certification   bytea       NOT NULL
);
