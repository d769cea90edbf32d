package io.electa.registry.repository;

import io.electa.registry.v1.ErrorReason;
import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.importing.StationBatch;
import io.electa.registry.importing.UpsertCounts;
import io.electa.registry.importing.VoterBatch;
import io.electa.support.domain.FailedPreconditionException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Bulk SQL for imports: one statement per batch, rows passed as arrays and unnested, upserted
 * only where something changed (a re-import writes nothing), counted in the same statement.
 * Each batch holds a share lock on its election row, so it cannot interleave with a roll freeze
 * (which takes the row for update): a batch either commits before the freeze or writes nothing.
 * Voter batches also try the voter-import advisory lock shared: while a first load by COPY
 * ({@link VoterCopyLoad}) holds it, a batch writes nothing and fails FAILED_PRECONDITION.
 * Voter batches go through {@code voter}, partitioned by election: an import that upserts first
 * makes sure its election has a partition ({@link #ensureRollPartition}).
 */
@ApplicationScoped
public class RollImportRepository {
    /**
     * Written into the election's partition itself (spliced in as {@code %s}; a name made of hex
     * digits by voter_roll_table): PostgreSQL returns no system column, xmax here, from an insert
     * routed through a partitioned table, and xmax = 0 tells a created row from an updated one
     * exactly, concurrent imports of the same rows included.
     */
    private static final String UPSERT_VOTERS = """
            WITH import_lock AS (
                SELECT pg_try_advisory_xact_lock_shared(hashtext('electa.voter-import'), hashtext($1)) AS held
            ), roll_open AS (
                SELECT 1 FROM election, import_lock
                WHERE election_id = $1 AND status = 'SCHEDULED' AND import_lock.held FOR SHARE OF election
            ), written AS (
                INSERT INTO %s AS voter (election_id, national_id, family_name, given_name, date_of_birth,
                                         station_code)
                SELECT $1, t.* FROM unnest($2::text[], $3::text[], $4::text[], $5::date[], $6::text[]) AS t
                WHERE EXISTS (SELECT 1 FROM roll_open)
                ON CONFLICT (election_id, national_id) DO UPDATE
                    SET family_name = EXCLUDED.family_name, given_name = EXCLUDED.given_name,
                        date_of_birth = EXCLUDED.date_of_birth, station_code = EXCLUDED.station_code
                    WHERE (voter.family_name, voter.given_name, voter.date_of_birth, voter.station_code)
                          IS DISTINCT FROM
                          (EXCLUDED.family_name, EXCLUDED.given_name, EXCLUDED.date_of_birth, EXCLUDED.station_code)
                RETURNING xmax = 0 AS created
            )
            SELECT EXISTS (SELECT 1 FROM roll_open) AS roll_open, (SELECT held FROM import_lock) AS lock_held,
                   count(*) FILTER (WHERE created) AS created, count(*) FILTER (WHERE NOT created) AS updated
            FROM written
            """;

    private static final String UPSERT_STATIONS = """
            WITH roll_open AS (
                SELECT 1 FROM election WHERE election_id = $1 AND status = 'SCHEDULED' FOR SHARE
            ), written AS (
                INSERT INTO station (election_id, station_code, district_code, name, address)
                SELECT $1, t.* FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS t
                WHERE EXISTS (SELECT 1 FROM roll_open)
                ON CONFLICT (election_id, station_code) DO UPDATE
                    SET district_code = EXCLUDED.district_code, name = EXCLUDED.name, address = EXCLUDED.address
                    WHERE (station.district_code, station.name, station.address)
                          IS DISTINCT FROM (EXCLUDED.district_code, EXCLUDED.name, EXCLUDED.address)
                RETURNING xmax = 0 AS created
            )
            SELECT EXISTS (SELECT 1 FROM roll_open) AS roll_open, true AS lock_held,
                   count(*) FILTER (WHERE created) AS created, count(*) FILTER (WHERE NOT created) AS updated
            FROM written
            """;

    private final Pool pool;

    public RollImportRepository(Pool pool) {
        this.pool = pool;
    }

    /** Status and election day of the election, or null when it does not exist. */
    public Uni<ElectionFacts> election(String electionId) {
        return pool.preparedQuery("SELECT status, election_day FROM election WHERE election_id = $1")
                .execute(Tuple.of(electionId))
                .map(rows -> rows.size() == 0 ? null : toFacts(rows.iterator().next()));
    }

    public Uni<Set<String>> stationCodes(String electionId) {
        return codes("SELECT station_code FROM station WHERE election_id = $1", electionId);
    }

    public Uni<Set<String>> districtCodes(String electionId) {
        return codes("SELECT district_code FROM district WHERE election_id = $1", electionId);
    }

    /** Upserts the batch into {@code roll}, the election's partition ({@link #ensureRollPartition}). */
    public Uni<UpsertCounts> upsertVoters(String electionId, String roll, VoterBatch batch) {
        Tuple args = Tuple.tuple()
                .addString(electionId)
                .addArrayOfString(batch.nationalIds())
                .addArrayOfString(batch.familyNames())
                .addArrayOfString(batch.givenNames())
                .addArrayOfLocalDate(batch.datesOfBirth())
                .addArrayOfString(batch.stationCodes());
        return counts(UPSERT_VOTERS.formatted('"' + roll + '"'), args, batch.size());
    }

    /**
     * The name of the election's partition of {@code voter}, given an empty one if it has none (a
     * row of an election without one has nowhere to go; a first load makes its own). Fails
     * FAILED_PRECONDITION while a first load of the roll runs: it attaches the partition itself.
     */
    public Uni<String> ensureRollPartition(String electionId) {
        return pool.preparedQuery("SELECT voter_roll_ensure($1) AS roll")
                .execute(Tuple.of(electionId))
                .map(rows -> {
                    String roll = rows.iterator().next().getString("roll");
                    if (roll == null) {
                        throw firstLoadRunning();
                    }
                    return roll;
                });
    }

    public Uni<UpsertCounts> upsertStations(String electionId, StationBatch batch) {
        Tuple args = Tuple.tuple()
                .addString(electionId)
                .addArrayOfString(batch.stationCodes())
                .addArrayOfString(batch.districtCodes())
                .addArrayOfString(batch.names())
                .addArrayOfString(batch.addresses());
        return counts(UPSERT_STATIONS, args, batch.size());
    }

    /** Runs one batch; fails when the roll was frozen meanwhile (the batch then writes nothing). */
    private Uni<UpsertCounts> counts(String sql, Tuple args, int rows) {
        return pool.preparedQuery(sql)
                .execute(args)
                .map(result -> {
                    Row row = result.iterator().next();
                    if (!row.getBoolean("lock_held")) {
                        throw firstLoadRunning();
                    }
                    if (!row.getBoolean("roll_open")) {
                        throw new FailedPreconditionException(
                                "the roll is no longer open for import (frozen or election gone)", ErrorReason.ROLL_FROZEN);
                    }
                    long created = row.getLong("created");
                    long updated = row.getLong("updated");
                    return new UpsertCounts(created, updated, rows - created - updated);
                });
    }

    private static FailedPreconditionException firstLoadRunning() {
        return new FailedPreconditionException("a first load of this roll is running; retry the"
                + " import when it has ended (rows already imported stay)", ErrorReason.IMPORT_RUNNING);
    }

    private Uni<Set<String>> codes(String sql, String electionId) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(electionId))
                .map(rows -> {
                    Set<String> codes = new HashSet<>(rows.size() * 2);
                    rows.forEach(row -> codes.add(row.getString(0)));
                    return codes;
                });
    }

    private static ElectionFacts toFacts(Row row) {
        return new ElectionFacts(ElectionStatus.valueOf(row.getString("status")), row.getLocalDate("election_day"));
    }

    /** What an import needs to know of its election. */
    public record ElectionFacts(ElectionStatus status, LocalDate electionDay) {
    }
}
