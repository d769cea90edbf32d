package io.electa.tally.service;

import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.electa.tally.client.RegistryClient;
import io.electa.tally.domain.StationState;
import io.electa.tally.repository.ProtocolRepository;
import io.electa.tally.repository.StationTallyRepository;
import io.electa.tally.v1.GetProtocolResponse;
import io.electa.tally.v1.MissingReason;
import io.electa.tally.v1.MissingStation;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reading protocols: one station's history, filtered lists, and the stations that have not reported. */
@ApplicationScoped
public class ProtocolQueries {
    private final ProtocolRepository protocols;
    private final StationTallyRepository stations;
    private final RegistryClient registry;
    private final Pool pool;

    public ProtocolQueries(ProtocolRepository protocols, StationTallyRepository stations, RegistryClient registry,
            Pool pool) {
        this.protocols = protocols;
        this.stations = stations;
        this.registry = registry;
        this.pool = pool;
    }

    /** The station's protocol with every version, found by station code. */
    public Uni<GetProtocolResponse> byStation(String electionId, String stationCode) {
        return protocols.history(pool, electionId, stationCode)
                .chain(history -> withReviews(history,
                        "station " + stationCode + " of election " + electionId + " has no protocol"));
    }

    /** The station's protocol with every version, found by the id of any version. */
    public Uni<GetProtocolResponse> byVersion(String electionId, UUID protocolId) {
        return protocols.find(pool, electionId, protocolId)
                .chain(found -> {
                    if (found == null) {
                        throw new NotFoundException("election " + electionId + " has no protocol " + protocolId);
                    }
                    return byStation(electionId, found.recorded().getStationCode());
                });
    }

    public Uni<Page<Protocol>> list(String electionId, String district, String station, List<ProtocolStatus> statuses,
            String afterKey, int size) {
        return protocols.list(pool, electionId, district, station, statuses, afterKey, size)
                .chain(page -> protocols.reviews(pool, page.items().stream().map(ProtocolRepository.Stored::id).toList())
                        .map(reviews -> new Page<>(ProtocolViews.views(page.items(), reviews), page.nextAfterKey())));
    }

    /** One page of stations in scope that have not reported, and how many there are in all. */
    public Uni<MissingPage> missing(String electionId, String district, String afterStation, int size) {
        return registry.directory(electionId)
                .invoke(directory -> {
                    if (!district.isEmpty() && !directory.hasDistrict(district)) {
                        throw new NotFoundException("election " + electionId + " has no district " + district);
                    }
                })
                .chain(directory -> stations.ofElection(pool, electionId)
                        .map(states -> {
                            Map<String, StationState> byCode = states.stream()
                                    .collect(Collectors.toMap(StationState::stationCode, Function.identity()));
                            List<MissingStation> all = directory.stations(district.isEmpty() ? null : district)
                                    .stream()
                                    .map(code -> missing(code, directory.districtOf(code), byCode.get(code)))
                                    .filter(m -> m != null)
                                    .toList();
                            List<MissingStation> after = all.stream()
                                    .filter(m -> m.getStationCode().compareTo(afterStation) > 0)
                                    .limit(size + 1L)
                                    .toList();
                            return new MissingPage(Page.of(after, size, MissingStation::getStationCode), all.size());
                        }));
    }

    /** A page of missing stations and the count over every page. */
    public record MissingPage(Page<MissingStation> page, long totalMissing) {
    }

    private static MissingStation missing(String code, String district, StationState state) {
        if (state != null && (state.excluded() || state.countedProtocolId() != null)) {
            return null;
        }
        MissingStation.Builder station = MissingStation.newBuilder().setStationCode(code).setDistrictCode(district);
        if (state == null || state.currentProtocolId() == null) {
            return station.setReason(MissingReason.MISSING_REASON_NO_PROTOCOL).build();
        }
        return station.setReason(state.currentStatus() == ProtocolStatus.PROTOCOL_STATUS_QUARANTINED
                        ? MissingReason.MISSING_REASON_QUARANTINED : MissingReason.MISSING_REASON_REJECTED)
                .setProtocolId(state.currentProtocolId().toString())
                .build();
    }

    private Uni<GetProtocolResponse> withReviews(List<ProtocolRepository.Stored> history, String notFound) {
        if (history.isEmpty()) {
            throw new NotFoundException(notFound);
        }
        return protocols.reviews(pool, history.stream().map(ProtocolRepository.Stored::id).toList())
                .map(reviews -> {
                    List<Protocol> versions = ProtocolViews.views(history, reviews);
                    return GetProtocolResponse.newBuilder()
                            .setCurrent(versions.get(versions.size() - 1))
                            .addAllVersions(versions)
                            .build();
                });
    }
}
