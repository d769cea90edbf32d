package io.electa.registry.grpc;

import io.electa.common.v1.Date;
import io.electa.registry.domain.Station;
import io.electa.registry.domain.TurnoutScope;
import io.electa.registry.service.CertificateService;
import io.electa.registry.service.ElectionService;
import io.electa.registry.service.GeographyService;
import io.electa.registry.service.MarkingService;
import io.electa.registry.service.TurnoutService;
import io.electa.registry.service.VoterService;
import io.electa.registry.v1.*;
import io.electa.roll.NationalId;
import io.electa.support.domain.Violations;
import io.electa.support.grpc.Pages;
import io.electa.support.idempotency.Idempotency;
import io.electa.support.idempotency.RequestKey;
import io.electa.support.access.TokenVerifier;
import io.electa.support.audit.AuditTrail;
import io.electa.support.inbound.InboundGuard;
import io.electa.common.v1.FieldViolationReason;
import io.grpc.ServerServiceDefinition;
import io.grpc.Context;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The registry's gRPC endpoint: maps each request to the service that owns the rule and the
 * answer back. Every request has passed the contract's input rules before it gets here
 * ({@link InboundGuard}); what is checked here is only what the contract cannot state (a
 * national ID's check digit, a page token). Failures become statuses in one place
 * (io.electa.support.grpc.ErrorMapping).
 */
@GrpcService
public class RegistryGrpcService extends MutinyRegistryServiceGrpc.RegistryServiceImplBase {
    private static final String NATIONAL_ID_RULE = "must be 10 digits ending in a valid check digit";

    private final ElectionService elections;
    private final GeographyService geography;
    private final VoterService voters;
    private final CertificateService certificates;
    private final MarkingService marking;
    private final TurnoutService turnout;
    private final Idempotency idempotency;
    private final TokenVerifier tokens;
    private final AuditTrail audit;

    public RegistryGrpcService(ElectionService elections, GeographyService geography, VoterService voters,
            CertificateService certificates, MarkingService marking, TurnoutService turnout, Idempotency idempotency,
            TokenVerifier tokens, AuditTrail audit) {
        this.tokens = tokens;
        this.audit = audit;
        this.elections = elections;
        this.geography = geography;
        this.voters = voters;
        this.certificates = certificates;
        this.marking = marking;
        this.turnout = turnout;
        this.idempotency = idempotency;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return InboundGuard.guard(super.bindService(), tokens);
    }

    @Override
    public Uni<CreateElectionResponse> createElection(CreateElectionRequest request) {
        return checked(() -> {
            LocalDate day = date(request.getElectionDay());
            return idempotency.once(request.getRequestId(), request, CreateElectionResponse.parser(),
                    () -> elections.create(request.getElectionId(), request.getName(), day)
                            .map(e -> CreateElectionResponse.newBuilder().setElection(ProtoMapper.election(e)).build()));
        });
    }

    @Override
    public Uni<GetElectionResponse> getElection(GetElectionRequest request) {
        return checked(() -> {
            return elections.get(request.getElectionId())
                    .map(e -> GetElectionResponse.newBuilder().setElection(ProtoMapper.election(e)).build());
        });
    }

    @Override
    public Uni<ListElectionsResponse> listElections(ListElectionsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return elections.page(after, Pages.size(request.getPageSize()))
                    .map(page -> ListElectionsResponse.newBuilder()
                            .addAllElections(page.items().stream().map(ProtoMapper::election).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<FreezeRollResponse> freezeRoll(FreezeRollRequest request) {
        return checked(() -> {
            return idempotency.once(request.getRequestId(), request, FreezeRollResponse.parser(),
                    () -> elections.freezeRoll(request.getElectionId())
                            .map(d -> FreezeRollResponse.newBuilder().setDigest(ProtoMapper.rollDigest(d)).build()));
        });
    }

    @Override
    public Uni<GetRollDigestResponse> getRollDigest(GetRollDigestRequest request) {
        return checked(() -> {
            return elections.rollDigest(request.getElectionId(), request.getStationCode())
                    .map(d -> GetRollDigestResponse.newBuilder().setDigest(ProtoMapper.rollDigest(d)).build());
        });
    }

    @Override
    public Uni<OpenPollsResponse> openPolls(OpenPollsRequest request) {
        return checked(() -> {
            return idempotency.once(request.getRequestId(), request, OpenPollsResponse.parser(),
                    () -> elections.openPolls(request.getElectionId())
                            .map(e -> OpenPollsResponse.newBuilder().setElection(ProtoMapper.election(e)).build()));
        });
    }

    @Override
    public Uni<ClosePollsResponse> closePolls(ClosePollsRequest request) {
        return checked(() -> {
            return idempotency.once(request.getRequestId(), request, ClosePollsResponse.parser(),
                    () -> elections.closePolls(request.getElectionId())
                            .map(e -> ClosePollsResponse.newBuilder().setElection(ProtoMapper.election(e)).build()));
        });
    }

    @Override
    public Uni<CreateDistrictResponse> createDistrict(CreateDistrictRequest request) {
        return checked(() -> {
            return idempotency.once(request.getRequestId(), request, CreateDistrictResponse.parser(),
                    () -> geography.createDistrict(request.getElectionId(), request.getDistrictCode(), request.getName())
                            .map(d -> CreateDistrictResponse.newBuilder().setDistrict(ProtoMapper.district(d)).build()));
        });
    }

    @Override
    public Uni<GetDistrictResponse> getDistrict(GetDistrictRequest request) {
        return checked(() -> {
            return geography.district(request.getElectionId(), request.getDistrictCode())
                    .map(d -> GetDistrictResponse.newBuilder().setDistrict(ProtoMapper.district(d)).build());
        });
    }

    @Override
    public Uni<ListDistrictsResponse> listDistricts(ListDistrictsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return geography.districts(request.getElectionId(), after, Pages.size(request.getPageSize()))
                    .map(page -> ListDistrictsResponse.newBuilder()
                            .addAllDistricts(page.items().stream().map(ProtoMapper::district).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<CreateStationResponse> createStation(CreateStationRequest request) {
        return checked(() -> {
            Station station = Station.of(request.getElectionId(), request.getStationCode(), request.getDistrictCode(),
                    request.getName(), request.getAddress());
            return idempotency.once(request.getRequestId(), request, CreateStationResponse.parser(),
                    () -> geography.createStation(station)
                            .map(s -> CreateStationResponse.newBuilder().setStation(ProtoMapper.station(s)).build()));
        });
    }

    @Override
    public Uni<GetStationResponse> getStation(GetStationRequest request) {
        return checked(() -> {
            return geography.station(request.getElectionId(), request.getStationCode())
                    .map(s -> GetStationResponse.newBuilder().setStation(ProtoMapper.station(s)).build());
        });
    }

    @Override
    public Uni<ListStationsResponse> listStations(ListStationsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return geography.stations(request.getElectionId(), request.getDistrictCode(), after,
                            Pages.size(request.getPageSize()))
                    .map(page -> ListStationsResponse.newBuilder()
                            .addAllStations(page.items().stream().map(ProtoMapper::station).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<GetVoterResponse> getVoter(GetVoterRequest request) {
        return checked(() -> {
            checkDigit(request.getNationalId());
            return voters.voter(request.getElectionId(), request.getNationalId())
                    .map(v -> GetVoterResponse.newBuilder().setVoter(ProtoMapper.voter(v)).build());
        });
    }

    @Override
    public Uni<FindPollingStationResponse> findPollingStation(FindPollingStationRequest request) {
        return checked(() -> {
            checkDigit(request.getNationalId());
            LocalDate birth = date(request.getDateOfBirth());
            return voters.pollingPlace(request.getElectionId(), request.getNationalId(), birth)
                    .map(place -> FindPollingStationResponse.newBuilder()
                            .setStation(ProtoMapper.station(place.station()))
                            .setAbsentee(place.absentee())
                            .build());
        });
    }

    @Override
    public Multi<StreamStationRollResponse> streamStationRoll(StreamStationRollRequest request) {
        return voters.stationRoll(request.getElectionId(), request.getStationCode())
                .map(v -> StreamStationRollResponse.newBuilder().setVoter(ProtoMapper.voter(v)).build());
    }

    @Override
    public Uni<IssueAbsenteeCertificateResponse> issueAbsenteeCertificate(IssueAbsenteeCertificateRequest request) {
        return checked(() -> {
            checkDigit(request.getNationalId());
            return idempotency.once(request.getRequestId(), request, IssueAbsenteeCertificateResponse.parser(),
                    () -> certificates.issue(request.getElectionId(), request.getNationalId(), request.getStationCode())
                            .map(c -> IssueAbsenteeCertificateResponse.newBuilder()
                                    .setCertificate(ProtoMapper.certificate(c)).build()));
        });
    }

    @Override
    public Uni<CancelAbsenteeCertificateResponse> cancelAbsenteeCertificate(CancelAbsenteeCertificateRequest request) {
        return checked(() -> {
            UUID certificateId = UUID.fromString(request.getCertificateId());
            return idempotency.once(request.getRequestId(), request, CancelAbsenteeCertificateResponse.parser(),
                    () -> certificates.cancel(request.getElectionId(), certificateId, request.getReason())
                            .map(c -> CancelAbsenteeCertificateResponse.newBuilder()
                                    .setCertificate(ProtoMapper.certificate(c)).build()));
        });
    }

    @Override
    public Uni<MarkVotedResponse> markVoted(MarkVotedRequest request) {
        return checked(() -> {
            checkDigit(request.getNationalId());
            return marking.mark(request.getElectionId(), request.getNationalId(), request.getStationCode(),
                            RequestKey.of(request.getRequestId(), request))
                    .map(m -> MarkVotedResponse.newBuilder().setMark(ProtoMapper.mark(m)).build());
        });
    }

    @Override
    public Uni<GetTurnoutResponse> getTurnout(GetTurnoutRequest request) {
        return checked(() -> {
            TurnoutScope scope = scope(request.getScopeCase() == GetTurnoutRequest.ScopeCase.DISTRICT_CODE,
                    request.getDistrictCode(), request.getScopeCase() == GetTurnoutRequest.ScopeCase.STATION_CODE,
                    request.getStationCode());
            return turnout.get(request.getElectionId(), scope)
                    .map(t -> GetTurnoutResponse.newBuilder().setTurnout(ProtoMapper.turnout(t)).build());
        });
    }

    @Override
    public Uni<ListStationTurnoutResponse> listStationTurnout(ListStationTurnoutRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return turnout.stations(request.getElectionId(), request.getDistrictCode(), after,
                            Pages.size(request.getPageSize()))
                    .map(page -> ListStationTurnoutResponse.newBuilder()
                            .addAllStations(page.items().stream().map(ProtoMapper::turnout).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Multi<WatchTurnoutResponse> watchTurnout(WatchTurnoutRequest request) {
        return Multi.createFrom().deferred(() -> {
            TurnoutScope scope = scope(request.getScopeCase() == WatchTurnoutRequest.ScopeCase.DISTRICT_CODE,
                    request.getDistrictCode(), request.getScopeCase() == WatchTurnoutRequest.ScopeCase.STATION_CODE,
                    request.getStationCode());
            // Stop polling once the client has gone, even if the cancellation does not reach Mutiny.
            Context call = Context.current();
            return turnout.watch(request.getElectionId(), scope)
                    .select().first(ignored -> !call.isCancelled())
                    .map(t -> WatchTurnoutResponse.newBuilder().setTurnout(ProtoMapper.turnout(t)).build());
        });
    }

    /** Runs the handler lazily, so a validation failure becomes a failed Uni. */
    @Override
    public Uni<ListAuditEventsResponse> listAuditEvents(ListAuditEventsRequest request) {
        return checked(() -> audit.list(request.getFilter(), request.getPageSize(), request.getPageToken())
                .map(page -> ListAuditEventsResponse.newBuilder()
                        .addAllEvents(page.items())
                        .setNextPageToken(Pages.nextToken(page))
                        .build()));
    }

    private static <T> Uni<T> checked(Supplier<Uni<? extends T>> handler) {
        return Uni.createFrom().deferred(handler);
    }

    /** The check digit, which the contract's format rule cannot check. */
    private static void checkDigit(String nationalId) {
        new Violations().check(NationalId.isValid(nationalId), "national_id", FieldViolationReason.MALFORMED,
                NATIONAL_ID_RULE).throwIfAny();
    }

    private static TurnoutScope scope(boolean isDistrict, String district, boolean isStation, String station) {
        if (isDistrict) {
            return TurnoutScope.district(district);
        }
        return isStation ? TurnoutScope.station(station) : TurnoutScope.nation();
    }

    /** A date the contract has already checked to be a real calendar date. */
    private static LocalDate date(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }
}
