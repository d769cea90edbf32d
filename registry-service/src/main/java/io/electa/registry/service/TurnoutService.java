package io.electa.registry.service;

import io.electa.registry.domain.Turnout;
import io.electa.registry.domain.TurnoutScope;
import io.electa.registry.repository.DistrictRepository;
import io.electa.registry.repository.ElectionRepository;
import io.electa.registry.repository.StationRepository;
import io.electa.registry.repository.TurnoutRepository;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Live turnout from the per-station counters kept with every mark. */
@ApplicationScoped
public class TurnoutService {
    private final ElectionRepository elections;
    private final DistrictRepository districts;
    private final StationRepository stations;
    private final TurnoutRepository turnout;
    private final Duration watchInterval;

    public TurnoutService(ElectionRepository elections, DistrictRepository districts, StationRepository stations,
            TurnoutRepository turnout, @ConfigProperty(name = "electa.turnout.watch-interval") Duration watchInterval) {
        this.elections = elections;
        this.districts = districts;
        this.stations = stations;
        this.turnout = turnout;
        this.watchInterval = watchInterval;
    }

    public Uni<Turnout> get(String electionId, TurnoutScope scope) {
        return requireScope(electionId, scope)
                .chain(() -> turnout.read(electionId, scope));
    }

    /** One page of per-station figures, of the election or of one district ("" for all). */
    public Uni<Page<Turnout>> stations(String electionId, String district, String afterStation, int size) {
        TurnoutScope scope = district.isEmpty() ? TurnoutScope.nation() : TurnoutScope.district(district);
        return requireScope(electionId, scope)
                .chain(() -> turnout.stations(electionId, district, afterStation, size));
    }

    /**
     * The current figures, then one message per interval in which they changed: updates are
     * coalesced, however many marks arrive.
     */
    public Multi<Turnout> watch(String electionId, TurnoutScope scope) {
        AtomicReference<Turnout> last = new AtomicReference<>();
        return requireScope(electionId, scope)
                .onItem().transformToMulti(ignored -> Multi.createFrom().ticks()
                        .startingAfter(Duration.ofMillis(1))
                        .every(watchInterval))
                .onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> turnout.read(electionId, scope))
                .select().where(current -> !current.sameFiguresAs(last.getAndSet(current)));
    }

    private Uni<?> requireScope(String electionId, TurnoutScope scope) {
        return Panache.withSession(() -> elections.require(electionId)
                .chain(() -> switch (scope.level()) {
                    case NATION -> Uni.createFrom().voidItem();
                    case DISTRICT -> districts.require(electionId, scope.code());
                    case STATION -> stations.require(electionId, scope.code());
                }));
    }
}
