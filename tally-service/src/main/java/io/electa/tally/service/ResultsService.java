package io.electa.tally.service;

import io.electa.support.domain.NotFoundException;
import io.electa.tally.client.RegistryClient;
import io.electa.tally.domain.StationDirectory;
import io.electa.tally.repository.TotalsRepository;
import io.electa.tally.results.ResultsCalculator;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ResultsStatus;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Results of a district or the nation, read from the running district totals (never from the
 * protocols), and a live stream of them.
 */
@ApplicationScoped
public class ResultsService {
    /** Marks the end of a watch: sent after the certified figures, never to a client. */
    private static final Results END = Results.getDefaultInstance();

    private final RegistryClient registry;
    private final CandidateService candidates;
    private final TotalsRepository totals;
    private final Pool pool;
    private final Duration watchInterval;

    public ResultsService(RegistryClient registry, CandidateService candidates, TotalsRepository totals, Pool pool,
            @ConfigProperty(name = "electa.results.watch-interval") Duration watchInterval) {
        this.registry = registry;
        this.candidates = candidates;
        this.totals = totals;
        this.pool = pool;
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
        return candidates.list(electionId)
                .chain(list -> totals.snapshot(pool, electionId)
                        .map(snapshot -> ResultsCalculator.compute(electionId, districtCode, directory, list,
                                snapshot, Instant.now())));
    }
}
