-- The registry's schema: elections, districts, stations, the roll, absentee
-- certificates, vote marks, frozen roll digests and turnout counters.

CREATE TABLE election (
    election_id      text        PRIMARY KEY,
    name             text        NOT NULL,
    election_day     date        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('SCHEDULED', 'ROLL_FROZEN', 'POLLING', 'CLOSED')),
    created_at       timestamptz NOT NULL,
    roll_frozen_at   timestamptz,
    polls_opened_at  timestamptz,
    polls_closed_at  timestamptz,
    roll_sha256      text,
    total_registered bigint
);

CREATE TABLE district (
    election_id   text NOT NULL REFERENCES election,
    district_code text NOT NULL,
    name          text NOT NULL,
    PRIMARY KEY (election_id, district_code)
);

CREATE TABLE station (
    election_id   text NOT NULL,
    station_code  text NOT NULL,
    district_code text NOT NULL,
    name          text NOT NULL,
    address       text NOT NULL,
    PRIMARY KEY (election_id, station_code),
    FOREIGN KEY (election_id, district_code) REFERENCES district
);
CREATE INDEX station_by_district ON station (election_id, district_code, station_code);

-- The roll. Station existence is checked by the importer against the station
-- table (stations are never deleted); no foreign key, to keep bulk import at
-- COPY speed.
CREATE TABLE voter (
    election_id   text NOT NULL,
    national_id   text NOT NULL,
    family_name   text NOT NULL,
    given_name    text NOT NULL,
    date_of_birth date NOT NULL,
    station_code  text NOT NULL,
    PRIMARY KEY (election_id, national_id)
);
CREATE INDEX voter_by_station ON voter (election_id, station_code);

CREATE TABLE absentee_certificate (
    certificate_id    uuid        PRIMARY KEY,
    election_id       text        NOT NULL REFERENCES election,
    national_id       text        NOT NULL,
    home_station_code text        NOT NULL,
    station_code      text        NOT NULL,
    status            text        NOT NULL CHECK (status IN ('ACTIVE', 'CANCELLED')),
    issued_at         timestamptz NOT NULL,
    cancelled_at      timestamptz,
    cancel_reason     text,
    FOREIGN KEY (election_id, station_code) REFERENCES station
);
-- At most one active certificate per voter and election.
CREATE UNIQUE INDEX one_active_certificate ON absentee_certificate (election_id, national_id)
    WHERE status = 'ACTIVE';

-- A voter is marked at most once per election: the primary key enforces it for
-- every replica and under any concurrency.
CREATE TABLE vote_mark (
    election_id  text        NOT NULL,
    national_id  text        NOT NULL,
    station_code text        NOT NULL,
    marked_at    timestamptz NOT NULL,
    request_id   text        NOT NULL,
    absentee     boolean     NOT NULL,
    PRIMARY KEY (election_id, national_id)
);

-- Published at roll freeze; never changed afterwards.
CREATE TABLE station_roll_digest (
    election_id  text   NOT NULL,
    station_code text   NOT NULL,
    roll_size    bigint NOT NULL,
    sha256       text   NOT NULL,
    PRIMARY KEY (election_id, station_code)
);

-- One counter row per station, created at roll freeze and bumped with each mark
-- in the mark's transaction: no hot single row, district and national figures are
-- sums over at most a few thousand rows.
CREATE TABLE turnout_counter (
    election_id   text   NOT NULL,
    station_code  text   NOT NULL,
    district_code text   NOT NULL,
    registered    bigint NOT NULL,
    voted         bigint NOT NULL CHECK (voted >= 0),
    PRIMARY KEY (election_id, station_code)
);
CREATE INDEX turnout_by_district ON turnout_counter (election_id, district_code);

-- Answers of completed mutating requests, for idempotent retries.
CREATE TABLE processed_request (
    request_id     text        PRIMARY KEY,
    method         text        NOT NULL,
    request_sha256 text        NOT NULL,
    response       bytea       NOT NULL,
    created_at     timestamptz NOT NULL
);
