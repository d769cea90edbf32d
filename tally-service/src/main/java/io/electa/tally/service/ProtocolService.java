package io.electa.tally.service;

import io.electa.tally.v1.ErrorReason;
import io.electa.support.access.Scope;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.client.RegistryClient;
import io.electa.tally.domain.Contribution;
import io.electa.tally.domain.ControlRelations;
import io.electa.tally.domain.CrossChecks;
import io.electa.tally.domain.StationFacts;
import io.electa.tally.domain.StationState;
import io.electa.tally.ledger.Change;
import io.electa.tally.ledger.LedgerAppender;
import io.electa.tally.ledger.Outcome;
import io.electa.tally.ledger.Slot;
import io.electa.tally.repository.ProtocolRepository;
import io.electa.tally.repository.StationTallyRepository;
import io.electa.tally.repository.TotalsRepository;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.CorrectProtocolRequest;
import io.electa.tally.v1.CorrectProtocolResponse;
import io.electa.tally.v1.CrossCheckFinding;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerRecord;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.SubmitProtocolResponse;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Submissions and corrections of station protocols. The arithmetic relations refuse a protocol;
 * the registry cross-checks only quarantine it. A new version never changes an old one: the old
 * is marked superseded and the district totals move by the difference of what counts.
 */
@ApplicationScoped
public class ProtocolService {
    private final CandidateService candidates;
    private final RegistryClient registry;
    private final LedgerAppender appender;
    private final ProtocolRepository protocols;
    private final StationTallyRepository stations;
    private final TotalsRepository totals;
    private final Pool pool;

    public ProtocolService(CandidateService candidates, RegistryClient registry, LedgerAppender appender,
            ProtocolRepository protocols, StationTallyRepository stations, TotalsRepository totals, Pool pool) {
        this.candidates = candidates;
        this.registry = registry;
        this.appender = appender;
        this.protocols = protocols;
        this.stations = stations;
        this.totals = totals;
        this.pool = pool;
    }

    /** Records a station's first protocol, submitted by {@code by} (the caller's subject). */
    public Uni<SubmitProtocolResponse> submit(SubmitProtocolRequest request, String by) {
        String electionId = request.getElectionId();
        return appender.orStoredAnswer(request.getRequestId(), request, SubmitProtocolResponse.parser(),
                () -> candidates.forCounting(electionId)
                        .map(context -> checked(request.getFigures(), context))
                        .chain(figures -> registry.station(electionId, request.getStationCode())
                                .chain(station -> appender.append(electionId, request.getRequestId(), request,
                                        SubmitProtocolResponse.parser(),
                                        tx -> decideSubmission(tx, electionId, figures, station, by)))));
    }

    /**
     * Records a new version of a station's protocol, by {@code by}, within {@code scope} (the
     * caller's grant must cover the protocol's station or district).
     */
    public Uni<CorrectProtocolResponse> correct(CorrectProtocolRequest request, String by, Scope scope) {
        String electionId = request.getElectionId();
        UUID supersedes = UUID.fromString(request.getSupersedesProtocolId());
        return appender.orStoredAnswer(request.getRequestId(), request, CorrectProtocolResponse.parser(),
                () -> candidates.forCounting(electionId)
                        .map(context -> checked(request.getFigures(), context))
                        .chain(figures -> require(electionId, supersedes)
                                .invoke(old -> scope.requireCovers(old.recorded().getStationCode(),
                                        old.recorded().getDistrictCode()))
                                .chain(old -> registry.station(electionId, old.recorded().getStationCode()))
                                .chain(station -> appender.append(electionId, request.getRequestId(), request,
                                        CorrectProtocolResponse.parser(),
                                        tx -> decideCorrection(tx, electionId, supersedes, request.getReason(),
                                                figures, station, by)))));
    }

    private Uni<ProtocolRepository.Stored> require(String electionId, UUID protocolId) {
        return protocols.find(pool, electionId, protocolId)
                .invoke(found -> {
                    if (found == null) {
                        throw new NotFoundException("election " + electionId + " has no protocol " + protocolId);
                    }
                });
    }

    /** The figures with candidate votes in ballot order, once CR1..CR7 hold. */
    private static ProtocolFigures checked(ProtocolFigures figures, CountingContext context) {
        var broken = ControlRelations.check(figures, context.candidateCodes());
        if (!broken.isEmpty()) {
            throw new InvalidArgumentException(broken);
        }
        Map<String, Integer> order = new java.util.HashMap<>();
        context.candidates().forEach(c -> order.put(c.getCandidateCode(), c.getBallotOrder()));
        List<CandidateVotes> sorted = figures.getCandidateVotesList().stream()
                .sorted(Comparator.comparingInt(v -> order.get(v.getCandidateCode())))
                .toList();
        return figures.toBuilder().clearCandidateVotes().addAllCandidateVotes(sorted).build();
    }

    private Uni<Change<SubmitProtocolResponse>> decideSubmission(SqlConnection tx, String electionId,
            ProtocolFigures figures, StationFacts station, String by) {
        return stations.find(tx, electionId, station.stationCode())
                .map(found -> {
                    StationState state = found != null ? found
                            : StationState.empty(electionId, station.stationCode(), station.districtCode());
                    requireNotExcluded(state);
                    if (state.hasLiveProtocol()) {
                        throw new AlreadyExistsException("station " + station.stationCode() + " already has protocol "
                                + state.currentProtocolId() + " (" + statusName(state.currentStatus())
                                + "); correct it with CorrectProtocol", ErrorReason.PROTOCOL_EXISTS,
                                Map.of("protocol_id", state.currentProtocolId().toString()));
                    }
                    return Change.<SubmitProtocolResponse>of(state.stationCode(), slot -> {
                        Protocol version = newVersion(slot, state, figures, station, null, "", by);
                        return Outcome.of(tx2 -> store(tx2, state, version, null), LedgerRecord.newBuilder()
                                .setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_PROTOCOL_SUBMITTED)
                                .setProtocol(version), SubmitProtocolResponse.newBuilder().setProtocol(version).build());
                    });
                });
    }

    private Uni<Change<CorrectProtocolResponse>> decideCorrection(SqlConnection tx, String electionId,
            UUID supersedes, String reason, ProtocolFigures figures, StationFacts station, String by) {
        return Uni.combine().all().unis(protocols.find(tx, electionId, supersedes),
                        stations.find(tx, electionId, station.stationCode())).asTuple()
                .map(found -> {
                    ProtocolRepository.Stored old = found.getItem1();
                    StationState state = found.getItem2();
                    requireNotExcluded(state);
                    if (!supersedes.equals(state.currentProtocolId())) {
                        throw new FailedPreconditionException("protocol " + supersedes + " is not the current"
                                + " version of station " + state.stationCode() + " (that is "
                                + state.currentProtocolId() + ")", ErrorReason.NOT_CURRENT_VERSION,
                                Map.of("protocol_id", state.currentProtocolId().toString()));
                    }
                    if (!state.hasLiveProtocol()) {
                        throw new FailedPreconditionException("protocol " + supersedes + " was rejected;"
                                + " submit a new version with SubmitProtocol", ErrorReason.PROTOCOL_REJECTED);
                    }
                    Contribution stops = state.countedProtocolId() == null ? null
                            : Contribution.of(old.recorded().getFigures()).negate();
                    return Change.<CorrectProtocolResponse>of(state.stationCode(), slot -> {
                        Protocol version = newVersion(slot, state, figures, station, supersedes, reason, by);
                        return Outcome.of(tx2 -> {
                            List<Uni<Void>> writes = new ArrayList<>();
                            writes.add(protocols.setStatus(tx2, supersedes, ProtocolStatus.PROTOCOL_STATUS_SUPERSEDED,
                                    UUID.fromString(version.getProtocolId())));
                            writes.addAll(store(tx2, state, version, stops));
                            return writes;
                        }, LedgerRecord.newBuilder()
                                .setKind(LedgerEntryKind.LEDGER_ENTRY_KIND_PROTOCOL_CORRECTED)
                                .setProtocol(version), CorrectProtocolResponse.newBuilder().setProtocol(version).build());
                    });
                });
    }

    /** The writes of a new current version: it, the station's state, and the totals' move. */
    private List<Uni<Void>> store(SqlConnection tx, StationState state, Protocol version, Contribution stopsCounting) {
        boolean counts = version.getStatus() == ProtocolStatus.PROTOCOL_STATUS_ACCEPTED;
        UUID id = UUID.fromString(version.getProtocolId());
        Contribution change = stopsCounting;
        if (counts) {
            Contribution starts = Contribution.of(version.getFigures());
            change = change == null ? starts : starts.plus(change);
        }
        List<Uni<Void>> writes = new ArrayList<>();
        writes.add(protocols.insert(tx, version));
        writes.add(stations.save(tx, state.withCurrent(id, version.getVersion(), version.getStatus(),
                counts ? id : null)));
        if (change != null) {
            writes.add(totals.add(tx, state.electionId(), state.districtCode(), change, 0));
        }
        return writes;
    }

    private static Protocol newVersion(Slot slot, StationState state, ProtocolFigures figures, StationFacts station,
            UUID supersedes, String reason, String by) {
        List<CrossCheckFinding> findings = CrossChecks.check(figures, station);
        return Protocol.newBuilder()
                .setProtocolId(UUID.randomUUID().toString())
                .setElectionId(slot.electionId())
                .setStationCode(state.stationCode())
                .setDistrictCode(state.districtCode())
                .setVersion(state.currentVersion() + 1)
                .setSupersedesProtocolId(supersedes == null ? "" : supersedes.toString())
                .setCorrectionReason(reason)
                .setFigures(figures)
                .setStatus(findings.isEmpty() ? ProtocolStatus.PROTOCOL_STATUS_ACCEPTED
                        : ProtocolStatus.PROTOCOL_STATUS_QUARANTINED)
                .addAllFindings(findings)
                .setSubmittedBy(by)
                .setSubmitTime(Timestamps.toProto(slot.recordTime()))
                .setLedgerSequence(slot.sequence())
                .build();
    }

    static void requireNotExcluded(StationState state) {
        if (state.excluded()) {
            throw new FailedPreconditionException("station " + state.stationCode()
                    + " is excluded from the count", ErrorReason.STATION_EXCLUDED);
        }
    }

    static String statusName(ProtocolStatus status) {
        return status.name().replace("PROTOCOL_STATUS_", "");
    }
}
