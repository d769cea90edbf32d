package io.electa.registry.repository;

import io.agroal.api.AgroalDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Opens first loads of rolls by COPY (see {@link VoterCopyLoad}) on the JDBC datasource. */
@ApplicationScoped
public class VoterCopyLoads {
    private final AgroalDataSource dataSource;
    private final Duration maxDuration;

    public VoterCopyLoads(AgroalDataSource dataSource,
            @ConfigProperty(name = "electa.import.max-duration") Duration maxDuration) {
        this.dataSource = dataSource;
        this.maxDuration = maxDuration;
    }

    /** A COPY load when the election's roll is empty; null otherwise. */
    public Uni<VoterCopyLoad> openIfEmpty(String electionId) {
        return VoterCopyLoad.openIfEmpty(dataSource, electionId, maxDuration);
    }
}
