package io.electa.tally.client;

import io.electa.registry.v1.District;
import io.electa.registry.v1.GetElectionRequest;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.ListDistrictsRequest;
import io.electa.registry.v1.ListStationTurnoutRequest;
import io.electa.registry.v1.ListStationsRequest;
import io.electa.registry.v1.MutinyRegistryServiceGrpc.MutinyRegistryServiceStub;
import io.electa.registry.v1.Station;
import io.electa.registry.v1.Turnout;
import io.electa.support.client.Downstream;
import io.electa.support.domain.NotFoundException;
import io.electa.tally.domain.ElectionFacts;
import io.electa.tally.domain.ElectionPhase;
import io.electa.tally.domain.StationDirectory;
import io.electa.tally.domain.StationFacts;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The registry as the tally sees it: elections, stations with their frozen roll sizes and vote
 * marks, and each election's station directory. Every call has a deadline; failures become
 * domain errors ({@link Downstream}). What can no longer change is cached: a closed election and
 * its stations' final roll sizes and marks, and the station directory from the roll freeze on.
 */
@ApplicationScoped
public class RegistryClient {
    private static final int PAGE = 1000;

    private final MutinyRegistryServiceStub registry;
    private final Downstream downstream;
    private final Map<String, ElectionFacts> closedElections = new ConcurrentHashMap<>();
    private final Map<String, StationDirectory> finalDirectories = new ConcurrentHashMap<>();
    private final Map<String, Uni<Map<String, StationFacts>>> closedStations = new ConcurrentHashMap<>();

    public RegistryClient(@GrpcClient("registry") MutinyRegistryServiceStub registry,
            @ConfigProperty(name = "electa.registry.deadline", defaultValue = "2s") Duration deadline) {
        this.registry = registry;
        this.downstream = new Downstream("registry", deadline);
    }

    /** The election; NOT_FOUND when the registry does not know it. */
    public Uni<ElectionFacts> election(String electionId) {
        ElectionFacts closed = closedElections.get(electionId);
        if (closed != null) {
            return Uni.createFrom().item(closed);
        }
        return downstream.call(() -> stub().getElection(GetElectionRequest.newBuilder()
                        .setElectionId(electionId).build()))
                .map(response -> electionFacts(response.getElection()))
                .invoke(this::rememberIfClosed);
    }

    /**
     * One station's district, frozen roll size and marks; NOT_FOUND for an unknown station. Once
     * the election is closed these figures are final: every station's are fetched once (one
     * paginated call) and kept, so the count does not ask the registry per protocol.
     */
    public Uni<StationFacts> station(String electionId, String stationCode) {
        if (!closedElections.containsKey(electionId)) {
            return downstream.call(() -> stub().getTurnout(GetTurnoutRequest.newBuilder()
                            .setElectionId(electionId)
                            .setStationCode(stationCode)
                            .build()))
                    .map(response -> toFacts(response.getTurnout()));
        }
        return finalStations(electionId).map(stations -> {
            StationFacts facts = stations.get(stationCode);
            if (facts == null) {
                throw new NotFoundException("election " + electionId + " has no station " + stationCode);
            }
            return facts;
        });
    }

    private Uni<Map<String, StationFacts>> finalStations(String electionId) {
        return closedStations.computeIfAbsent(electionId, id -> allPages(token -> downstream.call(() -> stub()
                                .listStationTurnout(ListStationTurnoutRequest.newBuilder().setElectionId(id)
                                        .setPageSize(PAGE).setPageToken(token).build()))
                        .map(r -> new PageOf<>(r.getStationsList(), r.getNextPageToken())), "", new ArrayList<Turnout>())
                .map(list -> list.stream().map(RegistryClient::toFacts)
                        .collect(Collectors.toMap(StationFacts::stationCode, f -> f)))
                .onFailure().invoke(() -> closedStations.remove(id))
                .memoize().indefinitely());
    }

    /** The election's districts and stations (cached once they are final). */
    public Uni<StationDirectory> directory(String electionId) {
        StationDirectory cached = finalDirectories.get(electionId);
        return cached != null ? Uni.createFrom().item(cached) : election(electionId).chain(this::directory);
    }

    /** The districts and stations of an election the caller has already read. */
    public Uni<StationDirectory> directory(ElectionFacts election) {
        StationDirectory cached = finalDirectories.get(election.electionId());
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return loadDirectory(election.electionId())
                .invoke(directory -> {
                    if (election.phase().stationsFinal()) {
                        finalDirectories.put(election.electionId(), directory);
                    }
                });
    }

    private Uni<StationDirectory> loadDirectory(String electionId) {
        return districts(electionId).chain(names -> stations(electionId)
                .map(stations -> new StationDirectory(names, stations)));
    }

    private Uni<Map<String, String>> districts(String electionId) {
        return allPages(token -> downstream.call(() -> stub().listDistricts(ListDistrictsRequest.newBuilder()
                        .setElectionId(electionId).setPageSize(PAGE).setPageToken(token).build()))
                .map(r -> new PageOf<>(r.getDistrictsList(), r.getNextPageToken())), "", new ArrayList<District>())
                .map(list -> list.stream().collect(Collectors.toMap(District::getDistrictCode, District::getName)));
    }

    private Uni<Map<String, String>> stations(String electionId) {
        return allPages(token -> downstream.call(() -> stub().listStations(ListStationsRequest.newBuilder()
                        .setElectionId(electionId).setPageSize(PAGE).setPageToken(token).build()))
                .map(r -> new PageOf<>(r.getStationsList(), r.getNextPageToken())), "", new ArrayList<Station>())
                .map(list -> list.stream().collect(Collectors.toMap(Station::getStationCode, Station::getDistrictCode)));
    }

    private static <T> Uni<List<T>> allPages(Function<String, Uni<PageOf<T>>> fetch, String token, List<T> into) {
        return fetch.apply(token).chain(page -> {
            into.addAll(page.items());
            return page.next().isEmpty() ? Uni.createFrom().item(into) : allPages(fetch, page.next(), into);
        });
    }

    private record PageOf<T>(List<T> items, String next) {
    }

    private MutinyRegistryServiceStub stub() {
        return registry.withDeadlineAfter(downstream.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void rememberIfClosed(ElectionFacts facts) {
        if (facts.phase() == ElectionPhase.CLOSED) {
            closedElections.put(facts.electionId(), facts);
        }
    }

    private ElectionFacts electionFacts(io.electa.registry.v1.Election election) {
        io.electa.common.v1.Date day = election.getElectionDay();
        return new ElectionFacts(election.getElectionId(), election.getName(),
                LocalDate.of(day.getYear(), day.getMonth(), day.getDay()), phaseOf(election.getStatusValue()));
    }

    /** The phase of a registry status; a status this version does not know is UNAVAILABLE. */
    ElectionPhase phaseOf(int statusValue) {
        io.electa.registry.v1.ElectionStatus status = io.electa.registry.v1.ElectionStatus.forNumber(statusValue);
        if (status == null) {
            throw downstream.unknownValue("election status " + statusValue);
        }
        return switch (status) {
            case ELECTION_STATUS_SCHEDULED -> ElectionPhase.SCHEDULED;
            case ELECTION_STATUS_ROLL_FROZEN -> ElectionPhase.ROLL_FROZEN;
            case ELECTION_STATUS_POLLING -> ElectionPhase.POLLING;
            case ELECTION_STATUS_CLOSED -> ElectionPhase.CLOSED;
            default -> throw downstream.unknownValue("election status " + statusValue);
        };
    }

    private static StationFacts toFacts(Turnout turnout) {
        return new StationFacts(turnout.getStationCode(), turnout.getDistrictCode(), turnout.getRegistered(),
                turnout.getVoted());
    }
}
