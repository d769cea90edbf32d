package io.electa.registry.importing;

import io.electa.registry.repository.RollImportRepository;
import io.electa.registry.repository.VoterCopyLoads;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Makes the per-stream import state; batch size and parallelism come from configuration. */
@ApplicationScoped
public class RollImports {
    private final RollImportRepository repository;
    private final VoterCopyLoads copyLoads;
    private final int batchSize;
    private final int parallelism;

    public RollImports(RollImportRepository repository, VoterCopyLoads copyLoads,
            @ConfigProperty(name = "electa.import.batch-size") int batchSize,
            @ConfigProperty(name = "electa.import.parallelism") int parallelism,
            @ConfigProperty(name = "electa.import.first-load-by-copy") boolean firstLoadByCopy) {
        this.repository = repository;
        this.copyLoads = firstLoadByCopy ? copyLoads : null;
        this.batchSize = batchSize;
        this.parallelism = parallelism;
    }

    public RowImport<ImportedVoter> voters() {
        return new VoterImport(repository, copyLoads, batchSize);
    }

    public RowImport<ImportedStation> stations() {
        return new StationImport(repository, batchSize);
    }

    /** Batches written at the same time by one stream. */
    public int parallelism() {
        return parallelism;
    }
}
