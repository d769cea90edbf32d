package io.electa.tally.grpc;

import io.electa.support.domain.Page;
import io.electa.support.domain.Violations;
import io.electa.support.grpc.Pages;
import io.electa.tally.domain.ControlRelations;
import io.electa.tally.service.CandidateService;
import io.electa.tally.service.CertificationService;
import io.electa.tally.service.ExclusionService;
import io.electa.tally.service.ExportService;
import io.electa.tally.service.LedgerService;
import io.electa.tally.service.ProtocolQueries;
import io.electa.tally.service.ProtocolService;
import io.electa.tally.service.ResultsService;
import io.electa.tally.service.ReviewService;
import io.electa.tally.v1.*;
import io.electa.support.access.Caller;
import io.electa.support.access.Scope;
import io.electa.support.access.TokenVerifier;
import io.electa.support.audit.AuditTrail;
import io.electa.support.inbound.InboundGuard;
import io.grpc.ServerServiceDefinition;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tally's gRPC endpoint: hands each request to the service that owns the rule and maps the
 * answer. Every request has passed the contract's input rules before it gets here
 * ({@link InboundGuard}); what is checked here is only what relates fields to each other or
 * what the contract cannot state (page tokens). Failures are mapped to statuses in one place
 * (io.electa.support.grpc.ErrorMapping).
 */
@GrpcService
public class TallyGrpcService extends MutinyTallyServiceGrpc.TallyServiceImplBase {
    private final CandidateService candidates;
    private final ProtocolService protocols;
    private final ReviewService reviews;
    private final ProtocolQueries queries;
    private final ExclusionService exclusions;
    private final ResultsService results;
    private final CertificationService certification;
    private final LedgerService ledger;
    private final ExportService exports;
    private final TokenVerifier tokens;
    private final AuditTrail audit;

    public TallyGrpcService(CandidateService candidates, ProtocolService protocols, ReviewService reviews,
            ProtocolQueries queries, ExclusionService exclusions, ResultsService results,
            CertificationService certification, LedgerService ledger, ExportService exports, TokenVerifier tokens, AuditTrail audit) {
        this.tokens = tokens;
        this.audit = audit;
        this.candidates = candidates;
        this.protocols = protocols;
        this.reviews = reviews;
        this.queries = queries;
        this.exclusions = exclusions;
        this.results = results;
        this.certification = certification;
        this.ledger = ledger;
        this.exports = exports;
    }

    /**
     * Tokens not verified recently (each clerk's first call) are verified on a worker thread, so
     * that the event loop carrying a connection's calls serves reads while submissions arrive.
     */
    @Override
    public ServerServiceDefinition bindService() {
        return InboundGuard.guardOffEventLoop(super.bindService(), tokens);
    }

    @Override
    public Uni<DefineCandidatesResponse> defineCandidates(DefineCandidatesRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            Rules.candidates(request.getCandidatesList(), violations);
            violations.throwIfAny();
            return candidates.define(request);
        });
    }

    @Override
    public Uni<ListCandidatesResponse> listCandidates(ListCandidatesRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            int size = Pages.size(request.getPageSize());
            int after = Rules.afterNumber(Pages.afterKey(request.getPageToken(), violations), violations);
            violations.throwIfAny();
            return candidates.list(request.getElectionId())
                    .map(list -> {
                        Page<Candidate> page = Page.of(list.stream().filter(c -> c.getBallotOrder() > after)
                                .limit(size + 1L).toList(), size, c -> Integer.toString(c.getBallotOrder()));
                        return ListCandidatesResponse.newBuilder()
                                .addAllCandidates(page.items())
                                .setNextPageToken(Pages.nextToken(page))
                                .build();
                    });
        });
    }

    @Override
    public Uni<ListControlRelationsResponse> listControlRelations(ListControlRelationsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            int size = Pages.size(request.getPageSize());
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            Page<ControlRelation> page = Page.of(ControlRelations.RULES.stream()
                    .map(TallyMapper::relation)
                    .filter(r -> r.getRelationId().compareTo(after) > 0)
                    .limit(size + 1L)
                    .toList(), size, ControlRelation::getRelationId);
            return Uni.createFrom().item(ListControlRelationsResponse.newBuilder()
                    .addAllRelations(page.items())
                    .setNextPageToken(Pages.nextToken(page))
                    .build());
        });
    }

    @Override
    public Uni<SubmitProtocolResponse> submitProtocol(SubmitProtocolRequest request) {
        return protocols.submit(request, Caller.current().subject());
    }

    @Override
    public Uni<CorrectProtocolResponse> correctProtocol(CorrectProtocolRequest request) {
        return protocols.correct(request, Caller.current().subject(), Scope.current());
    }

    @Override
    public Uni<AcceptProtocolResponse> acceptProtocol(AcceptProtocolRequest request) {
        return reviews.accept(request, Caller.current().subject(), Scope.current());
    }

    @Override
    public Uni<RejectProtocolResponse> rejectProtocol(RejectProtocolRequest request) {
        return reviews.reject(request, Caller.current().subject(), Scope.current());
    }

    @Override
    public Uni<GetProtocolResponse> getProtocol(GetProtocolRequest request) {
        return request.getKeyCase() == GetProtocolRequest.KeyCase.STATION_CODE
                ? queries.byStation(request.getElectionId(), request.getStationCode())
                : queries.byVersion(request.getElectionId(), UUID.fromString(request.getProtocolId()));
    }

    @Override
    public Uni<ListProtocolsResponse> listProtocols(ListProtocolsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            List<ProtocolStatus> statuses = Rules.statuses(request.getStatusesList());
            int size = Pages.size(request.getPageSize());
            String after = Rules.afterVersionKey(Pages.afterKey(request.getPageToken(), violations), violations);
            violations.throwIfAny();
            return queries.list(request.getElectionId(), request.getDistrictCode(), request.getStationCode(),
                            statuses, after, size)
                    .map(page -> ListProtocolsResponse.newBuilder()
                            .addAllProtocols(page.items())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<ListMissingStationsResponse> listMissingStations(ListMissingStationsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            int size = Pages.size(request.getPageSize());
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return queries.missing(request.getElectionId(), request.getDistrictCode(), after, size)
                    .map(missing -> ListMissingStationsResponse.newBuilder()
                            .addAllStations(missing.page().items())
                            .setNextPageToken(Pages.nextToken(missing.page()))
                            .setTotalMissing(missing.totalMissing())
                            .build());
        });
    }

    @Override
    public Uni<ExcludeStationResponse> excludeStation(ExcludeStationRequest request) {
        return exclusions.exclude(request, Caller.current().subject());
    }

    @Override
    public Uni<ListExclusionsResponse> listExclusions(ListExclusionsRequest request) {
        return checked(() -> {
            Violations violations = new Violations();
            int size = Pages.size(request.getPageSize());
            String after = Pages.afterKey(request.getPageToken(), violations);
            violations.throwIfAny();
            return exclusions.list(request.getElectionId(), request.getDistrictCode(), after, size)
                    .map(page -> ListExclusionsResponse.newBuilder()
                            .addAllExclusions(page.items())
                            .setNextPageToken(Pages.nextToken(page))
                            .build());
        });
    }

    @Override
    public Uni<GetResultsResponse> getResults(GetResultsRequest request) {
        String district = request.hasDistrictCode() ? request.getDistrictCode() : null;
        return results.get(request.getElectionId(), district)
                .map(r -> GetResultsResponse.newBuilder().setResults(r).build());
    }

    @Override
    public Multi<WatchResultsResponse> watchResults(WatchResultsRequest request) {
        String district = request.hasDistrictCode() ? request.getDistrictCode() : null;
        return results.watch(request.getElectionId(), district)
                .map(r -> WatchResultsResponse.newBuilder().setResults(r).build());
    }

    @Override
    public Uni<CertifyResultsResponse> certifyResults(CertifyResultsRequest request) {
        return certification.certify(request, Caller.current().subject());
    }

    @Override
    public Multi<StreamLedgerResponse> streamLedger(StreamLedgerRequest request) {
        return ledger.stream(request.getElectionId(), request.getFromSequence(), request.getFollow());
    }

    @Override
    public Uni<GetLedgerHeadResponse> getLedgerHead(GetLedgerHeadRequest request) {
        return ledger.head(request.getElectionId())
                .map(head -> GetLedgerHeadResponse.newBuilder().setHead(head).build());
    }

    @Override
    public Uni<GetLedgerKeySetResponse> getLedgerKeySet(GetLedgerKeySetRequest request) {
        return Uni.createFrom().item(() -> GetLedgerKeySetResponse.newBuilder().setKeySet(ledger.keySet()).build());
    }

    @Override
    public Multi<ExportResultsResponse> exportResults(ExportResultsRequest request) {
        return exports.export(request.getElectionId(), request.getFormat());
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
}
