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
import io.grpc.Context;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The registry's gRPC endpoint: checks each request's shape, calls the service, maps the answer.
 * Failures are mapped to statuses by {@link ErrorMapping}.
 */
@GrpcService
public class RegistryGrpcService implements RegistryService {
    private static final int MAX_NAME = 200;
    private static final int MAX_ADDRESS = 300;
    private static final int MAX_REASON = 500;
    private static final String NATIONAL_ID_RULE = "must be 10 digits ending in a valid check digit";

    private final ElectionService elections;
    private final GeographyService geography;
    private final VoterService voters;
    private final CertificateService certificates;
    private final MarkingService marking;
    private final TurnoutService turnout;
    private final Idempotency idempotency;

    public RegistryGrpcService(ElectionService elections, GeographyService geography, VoterService voters,
            CertificateService certificates, MarkingService marking, TurnoutService turnout, Idempotency idempotency) {
        this.elections = elections;
        this.geography = geography;
        this.voters = voters;
        this.certificates = certificates;
        this.marking = marking;
        this.turnout = turnout;
        this.idempotency = idempotency;
    }

    @Override
    public Uni<CreateElectionResponse> createElection(CreateElectionRequest request) {
        return checked(() -> {
            Violations violations = new Violations()
                    .electionId("election_id", request.getElectionId())
                    .text("name", request.getName(), MAX_NAME)
                    .requestId("request_id", request.getRequestId());
            LocalDate day = date("election_day", request.getElectionDay(), violations);
            violations.throwIfAny();
            return idempotency.once(request.getRequestId(), request, CreateElectionResponse.parser(),
                    () -> elections.create(request.getElectionId(), request.getName(), day)
                            .map(e -> CreateElectionResponse.newBuilder().setElection(ProtoMapper.election(e)).build()));
        });
    }

    @Override
    public Uni<GetElectionResponse> getElection(GetElectionRequest request) {
        return checked(() -> {
            new Violations().electionId("election_id", request.getElectionId()).throwIfAny();
            return elections.get(request.getElectionId())
                    .map(e -> GetElectionResponse.newBuilder().setElection(ProtoMapper.election(e)).build());
        });
    }

    @Override
    public Uni<ListElectionsResponse> listElections(ListElectionsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            int size = Pages.size(request.getPageSize(), violations);
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return elections.page(after, size)
                    .map(page -> ListElectionsResponse.newBuilder()
                            .addAllElections(page.items().stream().map(ProtoMapper::election).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<FreezeRollResponse> freezeRoll(FreezeRollRequest request) {
        return checked(() -> {
            electionAndRequest(request.getElectionId(), request.getRequestId()).throwIfAny();
            return idempotency.once(request.getRequestId(), request, FreezeRollResponse.parser(),
                    () -> elections.freezeRoll(request.getElectionId())
                            .map(d -> FreezeRollResponse.newBuilder().setDigest(ProtoMapper.rollDigest(d)).build()));
        });
    }

    @Override
    public Uni<GetRollDigestResponse> getRollDigest(GetRollDigestRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            if (!request.getStationCode().isEmpty()) {
                violations.code("station_code", request.getStationCode());
            }
            violations.throwIfAny();
            return elections.rollDigest(request.getElectionId(), request.getStationCode())
                    .map(d -> GetRollDigestResponse.newBuilder().setDigest(ProtoMapper.rollDigest(d)).build());
        });
    }

    @Override
    public Uni<OpenPollsResponse> openPolls(OpenPollsRequest request) {
        return checked(() -> {
            electionAndRequest(request.getElectionId(), request.getRequestId()).throwIfAny();
            return idempotency.once(request.getRequestId(), request, OpenPollsResponse.parser(),
                    () -> elections.openPolls(request.getElectionId())
                            .map(e -> OpenPollsResponse.newBuilder().setElection(ProtoMapper.election(e)).build()));
        });
    }

    @Override
    public Uni<ClosePollsResponse> closePolls(ClosePollsRequest request) {
        return checked(() -> {
            electionAndRequest(request.getElectionId(), request.getRequestId()).throwIfAny();
            return idempotency.once(request.getRequestId(), request, ClosePollsResponse.parser(),
                    () -> elections.closePolls(request.getElectionId())
                            .map(e -> ClosePollsResponse.newBuilder().setElection(ProtoMapper.election(e)).build()));
        });
    }

    @Override
    public Uni<CreateDistrictResponse> createDistrict(CreateDistrictRequest request) {
        return checked(() -> {
            electionAndRequest(request.getElectionId(), request.getRequestId())
                    .code("district_code", request.getDistrictCode())
                    .text("name", request.getName(), MAX_NAME)
                    .throwIfAny();
            return idempotency.once(request.getRequestId(), request, CreateDistrictResponse.parser(),
                    () -> geography.createDistrict(request.getElectionId(), request.getDistrictCode(), request.getName())
                            .map(d -> CreateDistrictResponse.newBuilder().setDistrict(ProtoMapper.district(d)).build()));
        });
    }

    @Override
    public Uni<GetDistrictResponse> getDistrict(GetDistrictRequest request) {
        return checked(() -> {
            new Violations().electionId("election_id", request.getElectionId())
                    .code("district_code", request.getDistrictCode())
                    .throwIfAny();
            return geography.district(request.getElectionId(), request.getDistrictCode())
                    .map(d -> GetDistrictResponse.newBuilder().setDistrict(ProtoMapper.district(d)).build());
        });
    }

    @Override
    public Uni<ListDistrictsResponse> listDistricts(ListDistrictsRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            int size = Pages.size(request.getPageSize(), violations);
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return geography.districts(request.getElectionId(), after, size)
                    .map(page -> ListDistrictsResponse.newBuilder()
                            .addAllDistricts(page.items().stream().map(ProtoMapper::district).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<CreateStationResponse> createStation(CreateStationRequest request) {
        return checked(() -> {
            electionAndRequest(request.getElectionId(), request.getRequestId())
                    .code("station_code", request.getStationCode())
                    .code("district_code", request.getDistrictCode())
                    .text("name", request.getName(), MAX_NAME)
                    .text("address", request.getAddress(), MAX_ADDRESS)
                    .throwIfAny();
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
            new Violations().electionId("election_id", request.getElectionId())
                    .code("station_code", request.getStationCode())
                    .throwIfAny();
            return geography.station(request.getElectionId(), request.getStationCode())
                    .map(s -> GetStationResponse.newBuilder().setStation(ProtoMapper.station(s)).build());
        });
    }

    @Override
    public Uni<ListStationsResponse> listStations(ListStationsRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            if (!request.getDistrictCode().isEmpty()) {
                violations.code("district_code", request.getDistrictCode());
            }
            int size = Pages.size(request.getPageSize(), violations);
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return geography.stations(request.getElectionId(), request.getDistrictCode(), after, size)
                    .map(page -> ListStationsResponse.newBuilder()
                            .addAllStations(page.items().stream().map(ProtoMapper::station).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<GetVoterResponse> getVoter(GetVoterRequest request) {
        return checked(() -> {
            new Violations().electionId("election_id", request.getElectionId())
                    .check(NationalId.isValid(request.getNationalId()), "national_id", NATIONAL_ID_RULE)
                    .throwIfAny();
            return voters.voter(request.getElectionId(), request.getNationalId())
                    .map(v -> GetVoterResponse.newBuilder().setVoter(ProtoMapper.voter(v)).build());
        });
    }

    @Override
    public Uni<FindPollingStationResponse> findPollingStation(FindPollingStationRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId())
                    .check(NationalId.isValid(request.getNationalId()), "national_id", NATIONAL_ID_RULE);
            LocalDate birth = date("date_of_birth", request.getDateOfBirth(), violations);
            violations.throwIfAny();
            return voters.pollingPlace(request.getElectionId(), request.getNationalId(), birth)
                    .map(place -> FindPollingStationResponse.newBuilder()
                            .setStation(ProtoMapper.station(place.station()))
                            .setAbsentee(place.absentee())
                            .build());
        });
    }

    @Override
    public Multi<StreamStationRollResponse> streamStationRoll(StreamStationRollRequest request) {
        return Multi.createFrom().deferred(() -> {
            new Violations().electionId("election_id", request.getElectionId())
                    .code("station_code", request.getStationCode())
                    .throwIfAny();
            return voters.stationRoll(request.getElectionId(), request.getStationCode())
                    .map(v -> StreamStationRollResponse.newBuilder().setVoter(ProtoMapper.voter(v)).build());
        });
    }

    @Override
    public Uni<IssueAbsenteeCertificateResponse> issueAbsenteeCertificate(IssueAbsenteeCertificateRequest request) {
        return checked(() -> {
            electionAndRequest(request.getElectionId(), request.getRequestId())
                    .check(NationalId.isValid(request.getNationalId()), "national_id", NATIONAL_ID_RULE)
                    .code("station_code", request.getStationCode())
                    .throwIfAny();
            return idempotency.once(request.getRequestId(), request, IssueAbsenteeCertificateResponse.parser(),
                    () -> certificates.issue(request.getElectionId(), request.getNationalId(), request.getStationCode())
                            .map(c -> IssueAbsenteeCertificateResponse.newBuilder()
                                    .setCertificate(ProtoMapper.certificate(c)).build()));
        });
    }

    @Override
    public Uni<CancelAbsenteeCertificateResponse> cancelAbsenteeCertificate(CancelAbsenteeCertificateRequest request) {
        return checked(() -> {
            Violations violations = electionAndRequest(request.getElectionId(), request.getRequestId())
                    .text("reason", request.getReason(), MAX_REASON);
            UUID certificateId = violations.uuid("certificate_id", request.getCertificateId());
            violations.throwIfAny();
            return idempotency.once(request.getRequestId(), request, CancelAbsenteeCertificateResponse.parser(),
                    () -> certificates.cancel(request.getElectionId(), certificateId, request.getReason())
                            .map(c -> CancelAbsenteeCertificateResponse.newBuilder()
                                    .setCertificate(ProtoMapper.certificate(c)).build()));
        });
    }

    @Override
    public Uni<MarkVotedResponse> markVoted(MarkVotedRequest request) {
        return checked(() -> {
            electionAndRequest(request.getElectionId(), request.getRequestId())
                    .check(NationalId.isValid(request.getNationalId()), "national_id", NATIONAL_ID_RULE)
                    .code("station_code", request.getStationCode())
                    .throwIfAny();
            return marking.mark(request.getElectionId(), request.getNationalId(), request.getStationCode(),
                            request.getRequestId())
                    .map(m -> MarkVotedResponse.newBuilder().setMark(ProtoMapper.mark(m)).build());
        });
    }

    @Override
    public Uni<GetTurnoutResponse> getTurnout(GetTurnoutRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            TurnoutScope scope = scope(request.getScopeCase() == GetTurnoutRequest.ScopeCase.DISTRICT_CODE,
                    request.getDistrictCode(), request.getScopeCase() == GetTurnoutRequest.ScopeCase.STATION_CODE,
                    request.getStationCode(), violations);
            violations.throwIfAny();
            return turnout.get(request.getElectionId(), scope)
                    .map(t -> GetTurnoutResponse.newBuilder().setTurnout(ProtoMapper.turnout(t)).build());
        });
    }

    @Override
    public Uni<ListStationTurnoutResponse> listStationTurnout(ListStationTurnoutRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            if (!request.getDistrictCode().isEmpty()) {
                violations.code("district_code", request.getDistrictCode());
            }
            int size = Pages.size(request.getPageSize(), violations);
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return turnout.stations(request.getElectionId(), request.getDistrictCode(), after, size)
                    .map(page -> ListStationTurnoutResponse.newBuilder()
                            .addAllStations(page.items().stream().map(ProtoMapper::turnout).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Multi<WatchTurnoutResponse> watchTurnout(WatchTurnoutRequest request) {
        return Multi.createFrom().deferred(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            TurnoutScope scope = scope(request.getScopeCase() == WatchTurnoutRequest.ScopeCase.DISTRICT_CODE,
                    request.getDistrictCode(), request.getScopeCase() == WatchTurnoutRequest.ScopeCase.STATION_CODE,
                    request.getStationCode(), violations);
            violations.throwIfAny();
            // Stop polling once the client has gone, even if the cancellation does not reach Mutiny.
            Context call = Context.current();
            return turnout.watch(request.getElectionId(), scope)
                    .select().first(ignored -> !call.isCancelled())
                    .map(t -> WatchTurnoutResponse.newBuilder().setTurnout(ProtoMapper.turnout(t)).build());
        });
    }

    /** Runs the handler lazily, so a validation failure becomes a failed Uni. */
    private static <T> Uni<T> checked(Supplier<Uni<? extends T>> handler) {
        return Uni.createFrom().deferred(handler);
    }

    private static Violations electionAndRequest(String electionId, String requestId) {
        return new Violations().electionId("election_id", electionId).requestId("request_id", requestId);
    }

    private static TurnoutScope scope(boolean isDistrict, String district, boolean isStation, String station,
            Violations violations) {
        if (isDistrict) {
            violations.code("district_code", district);
            return TurnoutScope.district(district);
        }
        if (isStation) {
            violations.code("station_code", station);
            return TurnoutScope.station(station);
        }
        return TurnoutScope.nation();
    }

    private static LocalDate date(String field, Date date, Violations violations) {
        LocalDate value = ProtoMapper.calendarDate(date).toLocalDate().orElse(null);
        violations.check(value != null, field, "must be a real calendar date between 1900 and 2999");
        return value;
    }

}
