package io.electa.tally.repository;

import io.electa.support.grpc.Timestamps;
import io.electa.client.ledger.LedgerHash;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The hash-chained ledger: entries and the head row that serializes every append. */
@ApplicationScoped
public class LedgerRepository {
    private static final String LOCK_HEAD = "INSERT INTO ledger_head (election_id, sequence, entry_hash, record_time)"
            + " VALUES ($1, 0, $2, now()) ON CONFLICT (election_id) DO UPDATE SET sequence = ledger_head.sequence"
            + " RETURNING sequence, entry_hash, record_time, certified";
    private static final String INSERT_ENTRY = "INSERT INTO ledger_entry"
            + " (election_id, sequence, previous_hash, entry_hash, kind, payload, record_time)"
            + " VALUES ($1, $2, $3, $4, $5, $6, $7)";
    private static final String MOVE_HEAD = "UPDATE ledger_head SET sequence = $2, entry_hash = $3, record_time = $4,"
            + " certified = certified OR $5 WHERE election_id = $1";
    private static final String HEAD = "SELECT sequence, entry_hash, record_time, certified FROM ledger_head"
            + " WHERE election_id = $1 AND sequence > 0";
    private static final String ENTRIES = "SELECT sequence, previous_hash, entry_hash, kind, payload, record_time"
            + " FROM ledger_entry WHERE election_id = $1 AND sequence >= $2 ORDER BY sequence LIMIT $3";

    /** The newest entry of a chain (sequence 0 and the genesis hash before the first). */
    public record Head(long sequence, String entryHash, Instant recordTime, boolean certified) {
    }

    /** One stored entry. */
    public record Entry(long sequence, String previousHash, String entryHash, int kind, byte[] payload,
            Instant recordTime) {
    }

    /**
     * Locks the election's chain for this transaction (creating it when empty) and returns its head:
     * appends of one election happen one at a time, in every replica.
     */
    public Uni<Head> lockHead(SqlClient tx, String electionId) {
        return tx.preparedQuery(LOCK_HEAD)
                .execute(Tuple.of(electionId, LedgerHash.GENESIS))
                .map(rows -> toHead(rows.iterator().next()));
    }

    /** Appends an entry after the locked head (the head moves with {@link #moveHead}). */
    public Uni<Void> insertEntry(SqlClient tx, String electionId, Entry entry) {
        return tx.preparedQuery(INSERT_ENTRY)
                .execute(Tuple.from(List.of(electionId, entry.sequence(), entry.previousHash(), entry.entryHash(),
                        (short) entry.kind(), io.vertx.core.buffer.Buffer.buffer(entry.payload()),
                        Timestamps.toSql(entry.recordTime()))))
                .replaceWithVoid();
    }

    /** Moves the locked head to the last entry appended; {@code certifies} locks the chain for good. */
    public Uni<Void> moveHead(SqlClient tx, String electionId, Entry last, boolean certifies) {
        return tx.preparedQuery(MOVE_HEAD)
                .execute(Tuple.of(electionId, last.sequence(), last.entryHash(), Timestamps.toSql(last.recordTime()),
                        certifies))
                .replaceWithVoid();
    }

    /** The head, or null when the election has no entry yet. */
    public Uni<Head> head(SqlClient db, String electionId) {
        return db.preparedQuery(HEAD)
                .execute(Tuple.of(electionId))
                .map(rows -> rows.size() == 0 ? null : toHead(rows.iterator().next()));
    }

    /** Up to {@code limit} entries from {@code fromSequence} on, in order. */
    public Uni<List<Entry>> entries(SqlClient db, String electionId, long fromSequence, int limit) {
        return db.preparedQuery(ENTRIES)
                .execute(Tuple.of(electionId, fromSequence, limit))
                .map(rows -> {
                    List<Entry> entries = new ArrayList<>(rows.size());
                    rows.forEach(row -> entries.add(new Entry(row.getLong("sequence"), row.getString("previous_hash"),
                            row.getString("entry_hash"), row.getShort("kind"), row.getBuffer("payload").getBytes(),
                            row.getOffsetDateTime("record_time").toInstant())));
                    return entries;
                });
    }

    private static Head toHead(Row row) {
        return new Head(row.getLong("sequence"), row.getString("entry_hash"),
                row.getOffsetDateTime("record_time").toInstant(), row.getBoolean("certified"));
    }
}
