-- Poll books that sync: a mark uploaded from a station's device keeps the device and its time.
ALTER TABLE vote_mark
    ADD COLUMN device_id   text,
    ADD COLUMN device_time timestamptz;

-- Suspected double votes: a mark uploaded for a voter who had already been marked. Kept for
-- review, never counted. One row per request_id (the request_id is claimed in
-- processed_request in the same statement, so a replay finds it instead of adding a row).
-- counted_station_code is null only until the upload that found the conflict has read the first
-- mark (committed concurrently, after the recording statement's snapshot).
CREATE TABLE mark_conflict (
    request_id           text        PRIMARY KEY,
    election_id          text        NOT NULL,
    national_id          text        NOT NULL,
    station_code         text        NOT NULL,
    device_id            text        NOT NULL,
    device_time          timestamptz NOT NULL,
    counted_station_code text,
    record_time          timestamptz NOT NULL
);
CREATE INDEX mark_conflict_by_station ON mark_conflict (election_id, station_code, national_id, request_id);
