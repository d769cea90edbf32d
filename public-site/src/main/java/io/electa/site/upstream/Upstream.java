package io.electa.site.upstream;

import io.electa.observer.v1.GetStatisticsRequest;
import io.electa.observer.v1.ObserverServiceGrpc;
import io.electa.observer.v1.Statistics;
import io.electa.registry.v1.District;
import io.electa.registry.v1.Election;
import io.electa.registry.v1.GetRollDigestRequest;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.ListDistrictsRequest;
import io.electa.registry.v1.ListDistrictsResponse;
import io.electa.registry.v1.ListElectionsRequest;
import io.electa.registry.v1.ListElectionsResponse;
import io.electa.registry.v1.ListStationTurnoutRequest;
import io.electa.registry.v1.ListStationTurnoutResponse;
import io.electa.registry.v1.ListStationsRequest;
import io.electa.registry.v1.ListStationsResponse;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollDigest;
import io.electa.registry.v1.Station;
import io.electa.registry.v1.Turnout;
import io.electa.tally.v1.ExportFormat;
import io.electa.tally.v1.ExportResultsRequest;
import io.electa.tally.v1.ExportResultsResponse;
import io.electa.tally.v1.GetLedgerHeadRequest;
import io.electa.tally.v1.GetResultsRequest;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.ListExclusionsRequest;
import io.electa.tally.v1.ListExclusionsResponse;
import io.electa.tally.v1.ListProtocolsRequest;
import io.electa.tally.v1.ListProtocolsResponse;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.StationExclusion;
import io.electa.tally.v1.TallyServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The public RPCs the site reads, each with a deadline, without a token: only RPCs open to
 * anyone (electa.common.v1.access) are called here. Lists are read to their last page.
 */
@ApplicationScoped
public class Upstream {
    private static final Logger LOG = Logger.getLogger(Upstream.class);
    private static final int PAGE = 1000;

    private final RegistryServiceGrpc.RegistryServiceBlockingStub registry;
    private final TallyServiceGrpc.TallyServiceBlockingStub tally;
    private final ObserverServiceGrpc.ObserverServiceBlockingStub observer;
    private final Duration deadline;

    public Upstream(@GrpcClient("registry") RegistryServiceGrpc.RegistryServiceBlockingStub registry,
            @GrpcClient("tally") TallyServiceGrpc.TallyServiceBlockingStub tally,
            @GrpcClient("observer") ObserverServiceGrpc.ObserverServiceBlockingStub observer,
            @ConfigProperty(name = "electa.site.deadline") Duration deadline) {
        this.registry = registry;
        this.tally = tally;
        this.observer = observer;
        this.deadline = deadline;
    }

    public List<Election> elections() {
        return all(token -> {
            ListElectionsResponse page = registry().listElections(ListElectionsRequest.newBuilder()
                    .setPageSize(PAGE).setPageToken(token).build());
            return new Page<>(page.getElectionsList(), page.getNextPageToken());
        });
    }

    /** The election, or empty when the registry does not know it. */
    public Optional<Election> election(String electionId) {
        try {
            return Optional.of(registry().getElection(io.electa.registry.v1.GetElectionRequest.newBuilder()
                    .setElectionId(electionId).build()).getElection());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND
                    || e.getStatus().getCode() == Status.Code.INVALID_ARGUMENT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public List<District> districts(String electionId) {
        return all(token -> {
            ListDistrictsResponse page = registry().listDistricts(ListDistrictsRequest.newBuilder()
                    .setElectionId(electionId).setPageSize(PAGE).setPageToken(token).build());
            return new Page<>(page.getDistrictsList(), page.getNextPageToken());
        });
    }

    public List<Station> stations(String electionId) {
        return all(token -> {
            ListStationsResponse page = registry().listStations(ListStationsRequest.newBuilder()
                    .setElectionId(electionId).setPageSize(PAGE).setPageToken(token).build());
            return new Page<>(page.getStationsList(), page.getNextPageToken());
        });
    }

    public List<Turnout> stationTurnouts(String electionId) {
        return all(token -> {
            ListStationTurnoutResponse page = registry().listStationTurnout(ListStationTurnoutRequest.newBuilder()
                    .setElectionId(electionId).setPageSize(PAGE).setPageToken(token).build());
            return new Page<>(page.getStationsList(), page.getNextPageToken());
        });
    }

    public Turnout turnout(String electionId) {
        return registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(electionId).build()).getTurnout();
    }

    /** The published roll digests, or empty before the roll is frozen. */
    public Optional<RollDigest> rollDigest(String electionId) {
        try {
            return Optional.of(registry().getRollDigest(GetRollDigestRequest.newBuilder().setElectionId(electionId)
                    .build()).getDigest());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION
                    || e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every version of every station's protocol, by station code then version. */
    public List<Protocol> protocols(String electionId) {
        return all(token -> {
            ListProtocolsResponse page = tally().listProtocols(ListProtocolsRequest.newBuilder()
                    .setElectionId(electionId).setPageSize(PAGE).setPageToken(token).build());
            return new Page<>(page.getProtocolsList(), page.getNextPageToken());
        });
    }

    public List<StationExclusion> exclusions(String electionId) {
        return all(token -> {
            ListExclusionsResponse page = tally().listExclusions(ListExclusionsRequest.newBuilder()
                    .setElectionId(electionId).setPageSize(PAGE).setPageToken(token).build());
            return new Page<>(page.getExclusionsList(), page.getNextPageToken());
        });
    }

    /** The nation's results ({@code districtCode} null) or a district's. */
    public Results results(String electionId, String districtCode) {
        GetResultsRequest.Builder request = GetResultsRequest.newBuilder().setElectionId(electionId);
        if (districtCode != null) {
            request.setDistrictCode(districtCode);
        }
        return tally().getResults(request.build()).getResults();
    }

    /** The ledger's head, or empty before its first entry. */
    public Optional<LedgerHead> ledgerHead(String electionId) {
        try {
            return Optional.of(tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(electionId)
                    .build()).getHead());
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND
                    || e.getStatus().getCode() == Status.Code.FAILED_PRECONDITION) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** The tally's export, as it streams it: the header first, then the file's chunks. */
    public Iterator<ExportResultsResponse> export(String electionId, ExportFormat format) {
        return tally.withDeadlineAfter(deadline.toMillis() * 10, TimeUnit.MILLISECONDS).exportResults(
                ExportResultsRequest.newBuilder().setElectionId(electionId).setFormat(format).build());
    }

    /**
     * The observers' statistics of the election, or empty when the observer service does not
     * answer them (down, or its own dependencies): the pages then show its figures as unavailable.
     */
    public Optional<Statistics> observerStatistics(String electionId) {
        try {
            return Optional.of(observer.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .getStatistics(GetStatisticsRequest.newBuilder().setElectionId(electionId).build())
                    .getStatistics());
        } catch (StatusRuntimeException e) {
            LOG.warnf("The observer service's statistics of %s are unavailable: %s %s", electionId,
                    e.getStatus().getCode(), e.getStatus().getDescription());
            return Optional.empty();
        }
    }

    private RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return registry.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private TallyServiceGrpc.TallyServiceBlockingStub tally() {
        return tally.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Page<T>(List<T> items, String next) {
    }

    private static <T> List<T> all(Function<String, Page<T>> read) {
        List<T> all = new ArrayList<>();
        String token = "";
        do {
            Page<T> page = read.apply(token);
            all.addAll(page.items());
            token = page.next();
        } while (!token.isEmpty());
        return all;
    }
}
