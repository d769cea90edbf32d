package io.electa.observer.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.observer.badge.BadgeNumbers;
import io.electa.observer.client.RegistryClient;
import io.electa.observer.domain.AccreditationStatus;
import io.electa.observer.domain.Application;
import io.electa.observer.domain.ReportFiling;
import io.electa.observer.repository.AssignmentRepository;
import io.electa.observer.repository.ReportRepository;
import io.electa.observer.service.AccreditationService;
import io.electa.observer.service.BadgeService;
import io.electa.observer.service.DeploymentService;
import io.electa.observer.service.OrganisationService;
import io.electa.observer.service.ReportService;
import io.electa.observer.service.ServiceClock;
import io.electa.observer.service.StatisticsService;
import io.electa.observer.v1.*;
import io.electa.support.domain.Violations;
import io.electa.support.signing.KeySetMessages;
import io.electa.support.grpc.Pages;
import io.electa.support.idempotency.Idempotency;
import io.electa.common.v1.FieldViolationReason;
import io.electa.support.access.Caller;
import io.electa.support.access.TokenVerifier;
import io.electa.support.audit.AuditTrail;
import io.electa.support.inbound.InboundGuard;
import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The observer service's gRPC endpoint: keeps mutations idempotent, calls the services, maps the
 * answers. Every request has passed the contract's input rules before it gets here
 * ({@link InboundGuard}); what is checked here needs the clock or relates fields to each other.
 * Failures become statuses in ErrorMapping (service-support).
 */
@GrpcService
public class ObserverGrpcService extends MutinyObserverServiceGrpc.ObserverServiceImplBase {
    private static final List<String> TYPES = known(OrganisationType.values());
    private static final List<String> CATEGORIES = known(IncidentCategory.values());

    private final OrganisationService organisations;
    private final AccreditationService accreditations;
    private final BadgeService badges;
    private final DeploymentService deployment;
    private final ReportService reports;
    private final StatisticsService statistics;
    private final RegistryClient registry;
    private final Idempotency idempotency;
    private final ServiceClock clock;
    private final TokenVerifier tokens;
    private final AuditTrail audit;

    public ObserverGrpcService(OrganisationService organisations, AccreditationService accreditations,
            BadgeService badges, DeploymentService deployment, ReportService reports, StatisticsService statistics,
            RegistryClient registry, Idempotency idempotency, ServiceClock clock, TokenVerifier tokens, AuditTrail audit) {
        this.tokens = tokens;
        this.audit = audit;
        this.organisations = organisations;
        this.accreditations = accreditations;
        this.badges = badges;
        this.deployment = deployment;
        this.reports = reports;
        this.statistics = statistics;
        this.registry = registry;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Override
    public ServerServiceDefinition bindService() {
        return InboundGuard.guard(super.bindService(), tokens);
    }

    @Override
    public Uni<CreateOrganisationResponse> createOrganisation(CreateOrganisationRequest request) {
        return checked(() -> {
            var organisation = Requests.organisation(request);
            return mutation(request.getRequestId(), request, CreateOrganisationResponse.parser(),
                    () -> organisations.create(organisation)
                            .map(o -> CreateOrganisationResponse.newBuilder()
                                    .setOrganisation(ProtoMapper.organisation(o)).build()));
        });
    }

    @Override
    public Uni<GetOrganisationResponse> getOrganisation(GetOrganisationRequest request) {
        return checked(() -> {
            return organisations.get(request.getOrganisationId())
                    .map(o -> GetOrganisationResponse.newBuilder().setOrganisation(ProtoMapper.organisation(o)).build());
        });
    }

    @Override
    public Uni<ListOrganisationsResponse> listOrganisations(ListOrganisationsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            int size = Pages.size(request.getPageSize());
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            String type = request.getTypeValue() == 0 ? "" : request.getType().name();
            return organisations.page(type, request.getCountry(), after, size)
                    .map(page -> ListOrganisationsResponse.newBuilder()
                            .addAllOrganisations(page.items().stream().map(ProtoMapper::organisation).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<SetQuotaResponse> setQuota(SetQuotaRequest request) {
        return checked(() -> {
            Integer max = request.hasMaxObservers() ? request.getMaxObservers() : null;
            return idempotency.orStoredAnswer(request.getRequestId(), request, SetQuotaResponse.parser(),
                    () -> registry.election(request.getElectionId())
                            .chain(() -> idempotency.once(request.getRequestId(), request, SetQuotaResponse.parser(),
                                    () -> organisations.setQuota(request.getOrganisationId(), request.getElectionId(), max)
                                            .map(q -> SetQuotaResponse.newBuilder().setQuota(ProtoMapper.quota(q)).build()))));
        });
    }

    @Override
    public Uni<GetQuotaResponse> getQuota(GetQuotaRequest request) {
        return checked(() -> {
            return organisations.quota(request.getOrganisationId(), request.getElectionId())
                    .map(q -> GetQuotaResponse.newBuilder().setQuota(ProtoMapper.quota(q)).build());
        });
    }

    @Override
    public Uni<ApplyForAccreditationResponse> applyForAccreditation(ApplyForAccreditationRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            Application application = Requests.application(request, LocalDate.ofInstant(clock.now(), ZoneOffset.UTC),
                    violations);
            violations.throwIfAny();
            return idempotency.orStoredAnswer(request.getRequestId(), request, ApplyForAccreditationResponse.parser(),
                    () -> registry.election(application.electionId())
                            .chain(election -> idempotency.once(request.getRequestId(), request,
                                    ApplyForAccreditationResponse.parser(),
                                    () -> accreditations.apply(application, election)
                                            .map(a -> ApplyForAccreditationResponse.newBuilder()
                                                    .setAccreditation(ProtoMapper.accreditation(a)).build())))
                            .onFailure(AccreditationService::isLiveDuplicate)
                            .recoverWithUni(() -> accreditations.liveConflict(application)
                                    .replaceWith(ApplyForAccreditationResponse.getDefaultInstance())));
        });
    }

    @Override
    public Uni<GetAccreditationResponse> getAccreditation(GetAccreditationRequest request) {
        return checked(() -> {
            return accreditations.get(UUID.fromString(request.getAccreditationId()))
                    .map(a -> GetAccreditationResponse.newBuilder().setAccreditation(ProtoMapper.accreditation(a)).build());
        });
    }

    @Override
    public Uni<ListAccreditationsResponse> listAccreditations(ListAccreditationsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            int size = Pages.size(request.getPageSize());
            List<String> after = Requests.afterKey(request.getPageToken(), 3, key -> Requests.isUuid(key.get(2)),
                    violations);
            violations.throwIfAny();
            AccreditationStatus status = request.getStatusValue() == 0 ? null
                    : AccreditationStatus.valueOf(request.getStatus().name().substring("ACCREDITATION_STATUS_".length()));
            return accreditations.page(request.getElectionId(), request.getOrganisationId(), request.getCitizenship(),
                            status, after, size)
                    .map(page -> ListAccreditationsResponse.newBuilder()
                            .addAllAccreditations(page.items().stream().map(ProtoMapper::accreditation).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<ApproveAccreditationResponse> approveAccreditation(ApproveAccreditationRequest request) {
        String by = Caller.current().subject();
        return checked(() -> {
            UUID id = UUID.fromString(request.getAccreditationId());
            return mutation(request.getRequestId(), request, ApproveAccreditationResponse.parser(),
                    () -> accreditations.approve(id, by)
                            .map(a -> ApproveAccreditationResponse.newBuilder()
                                    .setAccreditation(ProtoMapper.accreditation(a)).build()));
        });
    }

    @Override
    public Uni<RefuseAccreditationResponse> refuseAccreditation(RefuseAccreditationRequest request) {
        String by = Caller.current().subject();
        return checked(() -> {
            UUID id = UUID.fromString(request.getAccreditationId());
            return mutation(request.getRequestId(), request, RefuseAccreditationResponse.parser(),
                    () -> accreditations.refuse(id, request.getReason(), by)
                            .map(a -> RefuseAccreditationResponse.newBuilder()
                                    .setAccreditation(ProtoMapper.accreditation(a)).build()));
        });
    }

    @Override
    public Uni<RevokeAccreditationResponse> revokeAccreditation(RevokeAccreditationRequest request) {
        return checked(() -> {
            UUID id = UUID.fromString(request.getAccreditationId());
            return mutation(request.getRequestId(), request, RevokeAccreditationResponse.parser(),
                    () -> accreditations.revoke(id, request.getReason())
                            .map(a -> RevokeAccreditationResponse.newBuilder()
                                    .setAccreditation(ProtoMapper.accreditation(a)).build()));
        });
    }

    @Override
    public Uni<VerifyBadgeResponse> verifyBadge(VerifyBadgeRequest request) {
        return checked(() -> {
            String badge = BadgeNumbers.normalise(request.getBadgeNumber());
            new Violations().check(badge != null, "badge_number", FieldViolationReason.MALFORMED,
                    "must be 10 base32 characters (0-9, A-Z without I, L, O, U), e.g. K7M2Q-9XR4T").throwIfAny();
            return badges.verify(badge).map(ProtoMapper::badgeCheck);
        });
    }

    @Override
    public Uni<GetBadgeCredentialResponse> getBadgeCredential(GetBadgeCredentialRequest request) {
        return checked(() -> {
            return badges.credential(UUID.fromString(request.getAccreditationId()))
                    .map(c -> GetBadgeCredentialResponse.newBuilder().setCredential(c).build());
        });
    }

    @Override
    public Uni<GetSigningKeyResponse> getSigningKey(GetSigningKeyRequest request) {
        return checked(() -> Uni.createFrom().item(GetSigningKeyResponse.newBuilder()
                .setKey(ProtoMapper.signingKey(badges.signingKey(request.getKeyId()))).build()));
    }

    @Override
    public Uni<GetBadgeKeySetResponse> getBadgeKeySet(GetBadgeKeySetRequest request) {
        return checked(() -> Uni.createFrom().item(GetBadgeKeySetResponse.newBuilder()
                .setKeySet(KeySetMessages.keySet(badges.keys())).build()));
    }

    @Override
    public Uni<AssignObserverResponse> assignObserver(AssignObserverRequest request) {
        String by = Caller.current().subject();
        return checked(() -> {
            UUID id = UUID.fromString(request.getAccreditationId());
            return idempotency.orStoredAnswer(request.getRequestId(), request, AssignObserverResponse.parser(),
                    () -> deployment.requireDeployable(id)
                            .chain(a -> registry.station(a.electionId, request.getStationCode()))
                            .chain(station -> idempotency.once(request.getRequestId(), request,
                                    AssignObserverResponse.parser(),
                                    () -> deployment.assign(id, station, by)
                                            .map(a -> AssignObserverResponse.newBuilder()
                                                    .setAssignment(ProtoMapper.assignment(a)).build()))));
        });
    }

    @Override
    public Uni<ListAssignmentsResponse> listAssignments(ListAssignmentsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            UUID accreditation = Requests.optionalUuid(request.getAccreditationId());
            int size = Pages.size(request.getPageSize());
            List<String> after = Requests.afterKey(request.getPageToken(), 2, key -> Requests.isUuid(key.get(1)),
                    violations);
            violations.throwIfAny();
            var query = new AssignmentRepository.Query(request.getElectionId(), accreditation,
                    request.getOrganisationId(), request.getDistrictCode(), request.getStationCode());
            return deployment.page(query, after, size)
                    .map(page -> ListAssignmentsResponse.newBuilder()
                            .addAllAssignments(page.items().stream().map(ProtoMapper::assignment).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<FileReportResponse> fileReport(FileReportRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            ReportFiling filing = Requests.report(request, clock.now(), violations);
            violations.throwIfAny();
            return idempotency.orStoredAnswer(request.getRequestId(), request, FileReportResponse.parser(),
                    () -> reports.prepare(filing)
                            .chain(station -> idempotency.once(request.getRequestId(), request,
                                    FileReportResponse.parser(),
                                    () -> reports.store(filing, station)
                                            .map(r -> FileReportResponse.newBuilder()
                                                    .setReport(ProtoMapper.report(r)).build()))));
        });
    }

    @Override
    public Uni<ListReportsResponse> listReports(ListReportsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            UUID accreditation = Requests.optionalUuid(request.getAccreditationId());
            int size = Pages.size(request.getPageSize());
            List<String> after = Requests.afterKey(request.getPageToken(), 2,
                    key -> Requests.isInstant(key.get(0)) && Requests.isUuid(key.get(1)), violations);
            violations.throwIfAny();
            var query = new ReportRepository.Query(request.getElectionId(), request.getOrganisationId(), accreditation,
                    request.getDistrictCode(), request.getStationCode(), request.getMinSeverityValue());
            return reports.page(query, after, size)
                    .map(page -> ListReportsResponse.newBuilder()
                            .addAllReports(page.items().stream().map(ProtoMapper::report).toList())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<GetStatisticsResponse> getStatistics(GetStatisticsRequest request) {
        return checked(() -> {
            return statistics.of(request.getElectionId(), TYPES, CATEGORIES)
                    .map(s -> GetStatisticsResponse.newBuilder().setStatistics(ProtoMapper.statistics(s)).build());
        });
    }

    /** A mutation that calls no other service: at most once per request_id. */
    private <R extends Message> Uni<R> mutation(String requestId, Message request, Parser<R> parser,
            Supplier<Uni<R>> action) {
        return idempotency.orStoredAnswer(requestId, request, parser,
                () -> idempotency.once(requestId, request, parser, action));
    }

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

    /** The names of an enum's values other than *_UNSPECIFIED and UNRECOGNIZED, in number order. */
    private static List<String> known(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(Enum::name)
                .filter(name -> !name.endsWith("_UNSPECIFIED") && !name.equals("UNRECOGNIZED"))
                .toList();
    }
}
