package io.electa.observer.client;

import io.electa.observer.domain.ElectionFacts;
import io.electa.observer.domain.StationFacts;
import io.electa.registry.v1.ElectionStatus;
import io.electa.registry.v1.GetElectionRequest;
import io.electa.registry.v1.GetStationRequest;
import io.electa.registry.v1.ListStationsRequest;
import io.electa.registry.v1.ListStationsResponse;
import io.electa.registry.v1.MutinyRegistryServiceGrpc.MutinyRegistryServiceStub;
import io.electa.support.client.Downstream;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The registry, as this service needs it: elections, their day and status, stations. */
@ApplicationScoped
public class RegistryClient {
    private static final int STATION_PAGE = 1000;

    @GrpcClient("registry")
    MutinyRegistryServiceStub stub;

    private final Downstream downstream;
    private final Map<String, Long> finalStationCounts = new ConcurrentHashMap<>();

    public RegistryClient(@ConfigProperty(name = "electa.registry.deadline") Duration deadline) {
        this.downstream = new Downstream("registry", deadline);
    }

    /** The election, or NOT_FOUND; UNAVAILABLE when the registry cannot answer. */
    public Uni<ElectionFacts> election(String electionId) {
        return call(s -> s.getElection(GetElectionRequest.newBuilder().setElectionId(electionId).build()))
                .map(response -> {
                    var e = response.getElection();
                    var day = e.getElectionDay();
                    return new ElectionFacts(e.getElectionId(), LocalDate.of(day.getYear(), day.getMonth(), day.getDay()),
                            phaseOf(e.getStatusValue()));
                });
    }

    /** The phase of a registry status; a status this version does not know is UNAVAILABLE. */
    ElectionFacts.Phase phaseOf(int statusValue) {
        ElectionStatus status = ElectionStatus.forNumber(statusValue);
        if (status == null) {
            throw downstream.unknownValue("election status " + statusValue);
        }
        return switch (status) {
            case ELECTION_STATUS_SCHEDULED -> ElectionFacts.Phase.SCHEDULED;
            case ELECTION_STATUS_ROLL_FROZEN -> ElectionFacts.Phase.ROLL_FROZEN;
            case ELECTION_STATUS_POLLING -> ElectionFacts.Phase.POLLING;
            case ELECTION_STATUS_CLOSED -> ElectionFacts.Phase.CLOSED;
            default -> throw downstream.unknownValue("election status " + statusValue);
        };
    }

    /** The station of the election, or NOT_FOUND (election or station). */
    public Uni<StationFacts> station(String electionId, String stationCode) {
        return call(s -> s.getStation(GetStationRequest.newBuilder()
                        .setElectionId(electionId).setStationCode(stationCode).build()))
                .map(response -> new StationFacts(response.getStation().getStationCode(),
                        response.getStation().getDistrictCode()));
    }

    /** How many stations the election has; counted once the roll is frozen, since it is final then. */
    public Uni<Long> stationCount(ElectionFacts election) {
        Long known = finalStationCounts.get(election.electionId());
        if (known != null) {
            return Uni.createFrom().item(known);
        }
        return countFrom(election.electionId(), "", 0)
                .invoke(count -> {
                    if (election.phase() != ElectionFacts.Phase.SCHEDULED) {
                        finalStationCounts.put(election.electionId(), count);
                    }
                });
    }

    private Uni<Long> countFrom(String electionId, String pageToken, long counted) {
        return stationPage(electionId, pageToken)
                .chain(page -> page.getNextPageToken().isEmpty()
                        ? Uni.createFrom().item(counted + page.getStationsCount())
                        : countFrom(electionId, page.getNextPageToken(), counted + page.getStationsCount()));
    }

    private Uni<ListStationsResponse> stationPage(String electionId, String pageToken) {
        return call(s -> s.listStations(ListStationsRequest.newBuilder()
                .setElectionId(electionId).setPageSize(STATION_PAGE).setPageToken(pageToken).build()));
    }

    private <T> Uni<T> call(Function<MutinyRegistryServiceStub, Uni<T>> rpc) {
        return CallerContext.resumeOn(() -> downstream.call(() -> rpc.apply(
                stub.withDeadlineAfter(downstream.deadline().toMillis(), TimeUnit.MILLISECONDS))));
    }
}
