-- Each election's roll is a partition of voter of its own (LIST on election_id). A first load
-- fills a fresh table without indexes, builds its indexes once and attaches it as the election's
-- partition, all in its transaction (VoterCopyLoad): maintaining the roll's two indexes row by
-- row was most of a first load's time (a COPY into a table indexed after the load took a quarter
-- of one into today's table). Statements that name their election read its partition only;
-- rolls already stored move to partitions of their own below.

ALTER TABLE voter RENAME TO voter_v4;
ALTER INDEX voter_pkey RENAME TO voter_v4_pkey;
ALTER INDEX voter_by_station RENAME TO voter_v4_by_station;

CREATE TABLE voter (
    election_id   text NOT NULL,
    national_id   text NOT NULL,
    family_name   text NOT NULL,
    given_name    text NOT NULL,
    date_of_birth date NOT NULL,
    station_code  text NOT NULL,
    PRIMARY KEY (election_id, national_id)
) PARTITION BY LIST (election_id);
CREATE INDEX voter_by_station ON voter (election_id, station_code);

-- The table of an election's roll: a name any election_id maps to, whatever its characters.
CREATE FUNCTION voter_roll_table(election text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT 'voter_' || md5(election) $$;

-- Creates the election's roll table, standalone and without indexes; a CHECK constraint keeps it
-- to the election's rows, so that attaching it needs no scan. Returns its name.
CREATE FUNCTION voter_roll_create(election text) RETURNS text
    LANGUAGE plpgsql STRICT
    AS $$
DECLARE
    roll text := voter_roll_table(election);
BEGIN
    EXECUTE format('CREATE TABLE %I (LIKE voter, CONSTRAINT roll_of_election CHECK (election_id = %L))',
                   roll, election);
    EXECUTE format('COMMENT ON TABLE %I IS %L', roll, 'roll of election ' || election || ' (partition of voter)');
    RETURN roll;
END
$$;

-- Builds the roll table's indexes as voter has them (so that attaching reuses them) and attaches
-- it as the election's partition. Attaching locks voter SHARE UPDATE EXCLUSIVE only: reads and
-- writes of other elections' rolls go on.
CREATE FUNCTION voter_roll_attach(election text) RETURNS void
    LANGUAGE plpgsql STRICT
    AS $$
DECLARE
    roll text := voter_roll_table(election);
BEGIN
    EXECUTE format('ALTER TABLE %I ADD PRIMARY KEY (election_id, national_id)', roll);
    EXECUTE format('CREATE INDEX ON %I (election_id, station_code)', roll);
    EXECUTE format('ALTER TABLE voter ATTACH PARTITION %I FOR VALUES IN (%L)', roll, election);
    EXECUTE format('ALTER TABLE %I DROP CONSTRAINT roll_of_election', roll);
END
$$;

-- Gives an election without one an empty partition, for imports that upsert (a row of an election
-- without a partition has nowhere to go); returns the partition's name. Null, and nothing done,
-- while a first load of the election runs (it holds the voter-import lock alone, see
-- RollImportRepository, and attaches the partition itself). Two calls at once: the second waits
-- for the first's table and finds it.
CREATE FUNCTION voter_roll_ensure(election text) RETURNS text
    LANGUAGE plpgsql STRICT
    AS $$
DECLARE
    roll text := voter_roll_table(election);
BEGIN
    IF to_regclass(roll) IS NOT NULL THEN
        RETURN roll;
    END IF;
    IF NOT pg_try_advisory_xact_lock_shared(hashtext('electa.voter-import'), hashtext(election)) THEN
        RETURN NULL;
    END IF;
    BEGIN
        PERFORM voter_roll_create(election);
        PERFORM voter_roll_attach(election);
    EXCEPTION WHEN unique_violation OR duplicate_table THEN
        NULL;
    END;
    RETURN roll;
END
$$;

DO $$
DECLARE
    election text;
BEGIN
    FOR election IN SELECT DISTINCT election_id FROM voter_v4 LOOP
        EXECUTE format('INSERT INTO %I (election_id, national_id, family_name, given_name, date_of_birth,'
                       ' station_code) SELECT election_id, national_id, family_name, given_name, date_of_birth,'
                       ' station_code FROM voter_v4 WHERE election_id = %L', voter_roll_create(election), election);
        PERFORM voter_roll_attach(election);
    END LOOP;
END
$$;

DROP TABLE voter_v4;
