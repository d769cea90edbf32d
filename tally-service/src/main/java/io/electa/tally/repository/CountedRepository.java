package io.electa.tally.repository;

import com.google.protobuf.InvalidProtocolBufferException;
import io.electa.tally.v1.Protocol;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** The protocols that count, read in one statement with the ledger sequence they reflect. */
@ApplicationScoped
public class CountedRepository {
    private static final String COUNTED = "SELECT h.sequence, h.certified, s.excluded, p.recorded"
            + " FROM ledger_head h"
            + " LEFT JOIN station_tally s ON s.election_id = h.election_id"
            + " LEFT JOIN protocol p ON p.protocol_id = s.counted_protocol_id AND NOT s.excluded"
            + " WHERE h.election_id = $1";

    /** Counted protocols as of one ledger sequence, and how many stations are excluded. */
    public record Counted(long ledgerSequence, boolean certified, List<Protocol> protocols, long excluded) {
    }

    public Uni<Counted> counted(SqlClient db, String electionId) {
        return db.preparedQuery(COUNTED)
                .execute(Tuple.of(electionId))
                .map(rows -> {
                    long sequence = 0;
                    boolean certified = false;
                    long excluded = 0;
                    List<Protocol> protocols = new ArrayList<>();
                    for (Row row : rows) {
                        sequence = row.getLong("sequence");
                        certified = row.getBoolean("certified");
                        if (Boolean.TRUE.equals(row.getBoolean("excluded"))) {
                            excluded++;
                        }
                        if (row.getBuffer("recorded") != null) {
                            protocols.add(parse(row.getBuffer("recorded").getBytes()));
                        }
                    }
                    return new Counted(sequence, certified, protocols, excluded);
                });
    }

    private static Protocol parse(byte[] bytes) {
        try {
            return Protocol.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a stored protocol is unreadable", e);
        }
    }
}
