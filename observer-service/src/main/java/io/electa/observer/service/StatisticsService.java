package io.electa.observer.service;

import io.electa.observer.client.RegistryClient;
import io.electa.observer.domain.Statistics;
import io.electa.observer.repository.StatisticsRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Observation statistics of an election; station totals come from the registry. */
@ApplicationScoped
public class StatisticsService {
    private final RegistryClient registry;
    private final StatisticsRepository statistics;
    private final ServiceClock clock;

    public StatisticsService(RegistryClient registry, StatisticsRepository statistics, ServiceClock clock) {
        this.registry = registry;
        this.statistics = statistics;
        this.clock = clock;
    }

    /**
     * The figures of an election the registry knows; {@code types} and {@code categories} are
     * every organisation type and incident category, in publishing order.
     */
    public Uni<Statistics> of(String electionId, List<String> types, List<String> categories) {
        return registry.election(electionId)
                .chain(registry::stationCount)
                .chain(stations -> statistics.read(electionId, stations, types, categories, clock.now()));
    }
}
