package io.electa.registry.repository;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens first loads of rolls by COPY (see {@link VoterCopyLoad}) on the JDBC datasource. */
@ApplicationScoped
public class VoterCopyLoads {
    private final AgroalDataSource dataSource;

    public VoterCopyLoads(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A COPY load when the election's roll is empty; null otherwise. */
    public Uni<VoterCopyLoad> openIfEmpty(String electionId) {
        return VoterCopyLoad.openIfEmpty(dataSource, electionId);
    }
}
