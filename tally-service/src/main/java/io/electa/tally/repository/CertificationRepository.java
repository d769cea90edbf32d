package io.electa.tally.repository;

import io.electa.support.grpc.Timestamps;
import io.electa.tally.v1.Certification;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The certification of an election, once. */
@ApplicationScoped
public class CertificationRepository {
    private static final String INSERT = "INSERT INTO certification (election_id, certified_by, certify_time,"
            + " ledger_sequence, certification) VALUES ($1, $2, $3, $4, $5)";

    public Uni<Void> insert(SqlClient tx, Certification c, long ledgerSequence) {
        return tx.preparedQuery(INSERT)
                .execute(Tuple.from(List.of(c.getElectionId(), c.getCertifiedBy(),
                        Timestamps.toSql(Timestamps.fromProto(c.getCertifyTime())), ledgerSequence,
                        Buffer.buffer(c.toByteArray()))))
                .replaceWithVoid();
    }
}
