package io.electa.tally.service;

import io.electa.support.domain.NotFoundException;
import io.electa.tally.client.RegistryClient;
import io.electa.tally.domain.StationDirectory;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ResultsStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Results of a district or the nation, from the running district totals (never from the
 * protocols) as {@link ResultsSnapshots} keeps them in memory: at most one refresh interval plus
 * one read old, so a read neither reads the database nor waits behind the count. A live stream of
 * them.
 */
@ApplicationScoped
public class ResultsService {
    /** Marks the end of a watch: sent after the certified figures, never to a client. */
    private static final Results END = Results.getDefaultInstance();

    private final RegistryClient registry;
    private final ResultsSnapshots snapshots;
    private final Duration watchInterval;

    public ResultsService(RegistryClient registry, ResultsSnapshots snapshots,
            @ConfigProperty(name = "electa.results.watch-interval") Duration watchInterval) {
        this.registry = registry;
        this.snapshots = snapshots;
        this.watchInterval = watchInterval;
    }

    /** The results of {@code districtCode}, or of the nation when it is null. */
    public Uni<Results> get(String electionId, String districtCode) {
        return scope(electionId, districtCode)
                .chain(directory -> read(electionId, districtCode, directory));
    }

    /**
     * The current results at once, then whenever the ledger has moved, at most once per interval
     * however many protocols arrive; ends after the certified results.
     */
    public Multi<Results> watch(String electionId, String districtCode) {
        AtomicLong lastSequence = new AtomicLong(-1);
        return scope(electionId, districtCode)
                .onItem().transformToMulti(directory -> Multi.createFrom().ticks()
                        .startingAfter(Duration.ofMillis(1))
                        .every(watchInterval)
                        .onOverflow().drop()
                        .onItem().transformToUniAndConcatenate(tick -> read(electionId, districtCode, directory)))
                .select().where(results -> lastSequence.getAndSet(results.getLedgerSequence())
                        != results.getLedgerSequence())
                .onItem().transformToMultiAndConcatenate(results -> results.getStatus()
                        == ResultsStatus.RESULTS_STATUS_CERTIFIED
                        ? Multi.createFrom().items(results, END) : Multi.createFrom().item(results))
                .select().first(results -> results != END);
    }

    private Uni<StationDirectory> scope(String electionId, String districtCode) {
        return registry.directory(electionId)
                .invoke(directory -> {
                    if (districtCode != null && !directory.hasDistrict(districtCode)) {
                        throw new NotFoundException("election " + electionId + " has no district " + districtCode);
                    }
                });
    }

    private Uni<Results> read(String electionId, String districtCode, StationDirectory directory) {
        return snapshots.results(electionId, districtCode, directory);
    }
}
