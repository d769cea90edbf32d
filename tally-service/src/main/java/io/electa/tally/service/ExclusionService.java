package io.electa.tally.service;

import io.electa.tally.v1.ErrorReason;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.client.RegistryClient;
import io.electa.tally.domain.Contribution;
import io.electa.tally.domain.StationState;
import io.electa.tally.ledger.Change;
import io.electa.tally.ledger.LedgerAppender;
import io.electa.tally.ledger.Outcome;
import io.electa.tally.ledger.Slot;
import io.electa.tally.repository.ExclusionRepository;
import io.electa.tally.repository.ProtocolRepository;
import io.electa.tally.repository.StationTallyRepository;
import io.electa.tally.repository.TotalsRepository;
import io.electa.tally.v1.ExcludeStationRequest;
import io.electa.tally.v1.ExcludeStationResponse;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerRecord;
import io.electa.tally.v1.StationExclusion;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Excluding a station from the count (so certification can proceed without it), with a reason. */
@ApplicationScoped
public class ExclusionService {
    private final RegistryClient registry;
    private final LedgerAppender appender;
    private final StationTallyRepository stations;
    private final ProtocolRepository protocols;
    private final TotalsRepository totals;
    private final ExclusionRepository exclusions;
    private final Pool pool;

    public ExclusionService(RegistryClient registry, LedgerAppender appender, StationTallyRepository stations,
            ProtocolRepository protocols, TotalsRepository totals, ExclusionRepository exclusions, Pool pool) {
        this.registry = registry;
        this.appender = appender;
        this.stations = stations;
        this.protocols = protocols;
        this.totals = totals;
        this.exclusions = exclusions;
        this.pool = pool;
    }

    /** Excludes a station from the count, decided by {@code by} (the caller's subject). */
    public Uni<ExcludeStationResponse> exclude(ExcludeStationRequest request, String by) {
        String electionId = request.getElectionId();
        return appender.orStoredAnswer(request.getRequestId(), request, ExcludeStationResponse.parser(),
                () -> registry.election(electionId)
                        .invoke(facts -> {
                            if (!facts.phase().acceptsProtocols()) {
                                throw new FailedPreconditionException("the polls of election " + electionId
                                        + " have not opened", ErrorReason.POLLS_NOT_OPEN);
                            }
                        })
                        .chain(registry::directory)
                        .map(directory -> {
                            String district = directory.districtOf(request.getStationCode());
                            if (district == null) {
                                throw new NotFoundException("election " + electionId + " has no station "
                                        + request.getStationCode());
                            }
                            return district;
                        })
                        .chain(district -> appender.append(electionId, request.getRequestId(), request,
                                ExcludeStationResponse.parser(),
                                tx -> decide(tx, electionId, request, district, by))));
    }

    public Uni<Page<StationExclusion>> list(String electionId, String district, String afterStation, int size) {
        return exclusions.list(pool, electionId, district, afterStation, size);
    }

    private Uni<Change<ExcludeStationResponse>> decide(SqlConnection tx, String electionId,
            ExcludeStationRequest request, String district, String by) {
        return stations.find(tx, electionId, request.getStationCode())
                .chain(found -> {
                    StationState state = found != null ? found
                            : StationState.empty(electionId, request.getStationCode(), district);
                    if (state.excluded()) {
                        throw new AlreadyExistsException("station " + request.getStationCode()
                                + " is already excluded", ErrorReason.ALREADY_EXCLUDED);
                    }
                    return stopCounting(tx, state).map(stops -> Change.<ExcludeStationResponse>of(state.stationCode(),
                            slot -> excluded(slot, request, state, stops, by)));
                });
    }

    private Outcome<ExcludeStationResponse> excluded(Slot slot, ExcludeStationRequest request, StationState state,
            Contribution stops, String by) {
        StationExclusion exclusion = StationExclusion.newBuilder()
                .setElectionId(slot.electionId())
                .setStationCode(request.getStationCode())
                .setDistrictCode(state.districtCode())
                .setReason(request.getReason())
                .setExcludedBy(by)
                .setExcludeTime(Timestamps.toProto(slot.recordTime()))
                .setLedgerSequence(slot.sequence())
                .build();
        return Outcome.of(tx -> List.of(
                        totals.add(tx, slot.electionId(), state.districtCode(), stops, 1),
                        stations.save(tx, state.asExcluded()),
                        exclusions.insert(tx, exclusion)),
                LedgerRecord.newBuilder()
                        .setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_STATION_EXCLUDED)
                        .setStationExcluded(exclusion),
                ExcludeStationResponse.newBuilder().setExclusion(exclusion).build());
    }

    /** What the station's counted protocol takes away from the totals (nothing when none counts). */
    private Uni<Contribution> stopCounting(SqlConnection tx, StationState state) {
        if (state.countedProtocolId() == null) {
            return Uni.createFrom().item(Contribution.none());
        }
        return protocols.find(tx, state.electionId(), state.countedProtocolId())
                .map(counted -> Contribution.of(counted.recorded().getFigures()).negate());
    }
}
