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
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tally's gRPC endpoint: checks every request's shape (all violations at once), hands it to
 * the service that owns the rule, and maps the answer. Failures are mapped to statuses in one
 * place (io.electa.support.grpc.ErrorMapping).
 */
@GrpcService
public class TallyGrpcService implements TallyService {
    private final CandidateService candidates;
    private final ProtocolService protocols;
    private final ReviewService reviews;
    private final ProtocolQueries queries;
    private final ExclusionService exclusions;
    private final ResultsService results;
    private final CertificationService certification;
    private final LedgerService ledger;
    private final ExportService exports;

    public TallyGrpcService(CandidateService candidates, ProtocolService protocols, ReviewService reviews,
            ProtocolQueries queries, ExclusionService exclusions, ResultsService results,
            CertificationService certification, LedgerService ledger, ExportService exports) {
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

    @Override
    public Uni<DefineCandidatesResponse> defineCandidates(DefineCandidatesRequest request) {
        return checked(() -> {
            Violations violations = Rules.electionAndRequest(request.getElectionId(), request.getRequestId());
            Rules.candidates(request.getCandidatesList(), violations);
            violations.throwIfAny();
            return candidates.define(request);
        });
    }

    @Override
    public Uni<ListCandidatesResponse> listCandidates(ListCandidatesRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            int size = Pages.size(request.getPageSize(), violations);
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
            int size = Pages.size(request.getPageSize(), violations);
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
        return checked(() -> {
            Violations violations = Rules.electionAndRequest(request.getElectionId(), request.getRequestId())
                    .code("station_code", request.getStationCode())
                    .check(request.hasFigures(), "figures", "is required");
            violations.throwIfAny();
            return protocols.submit(request);
        });
    }

    @Override
    public Uni<CorrectProtocolResponse> correctProtocol(CorrectProtocolRequest request) {
        return checked(() -> {
            Violations violations = Rules.electionAndRequest(request.getElectionId(), request.getRequestId())
                    .text("reason", request.getReason(), Rules.MAX_TEXT)
                    .check(request.hasFigures(), "figures", "is required");
            violations.uuid("supersedes_protocol_id", request.getSupersedesProtocolId());
            violations.throwIfAny();
            return protocols.correct(request);
        });
    }

    @Override
    public Uni<AcceptProtocolResponse> acceptProtocol(AcceptProtocolRequest request) {
        return checked(() -> {
            Violations violations = Rules.electionAndRequest(request.getElectionId(), request.getRequestId())
                    .text("justification", request.getJustification(), Rules.MAX_TEXT);
            violations.uuid("protocol_id", request.getProtocolId());
            violations.throwIfAny();
            return reviews.accept(request);
        });
    }

    @Override
    public Uni<RejectProtocolResponse> rejectProtocol(RejectProtocolRequest request) {
        return checked(() -> {
            Violations violations = Rules.electionAndRequest(request.getElectionId(), request.getRequestId())
                    .text("reason", request.getReason(), Rules.MAX_TEXT);
            violations.uuid("protocol_id", request.getProtocolId());
            violations.throwIfAny();
            return reviews.reject(request);
        });
    }

    @Override
    public Uni<GetProtocolResponse> getProtocol(GetProtocolRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            switch (request.getKeyCase()) {
                case STATION_CODE:
                    violations.code("station_code", request.getStationCode()).throwIfAny();
                    return queries.byStation(request.getElectionId(), request.getStationCode());
                case PROTOCOL_ID:
                    UUID id = violations.uuid("protocol_id", request.getProtocolId());
                    violations.throwIfAny();
                    return queries.byVersion(request.getElectionId(), id);
                default:
                    violations.check(false, "key", "set station_code or protocol_id").throwIfAny();
                    throw new IllegalStateException("unreachable");
            }
        });
    }

    @Override
    public Uni<ListProtocolsResponse> listProtocols(ListProtocolsRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            violations.optionalCode("district_code", request.getDistrictCode());
            violations.optionalCode("station_code", request.getStationCode());
            List<ProtocolStatus> statuses = Rules.statuses(request.getStatusesValueList(), violations);
            int size = Pages.size(request.getPageSize(), violations);
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
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            violations.optionalCode("district_code", request.getDistrictCode());
            int size = Pages.size(request.getPageSize(), violations);
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
        return checked(() -> {
            Rules.electionAndRequest(request.getElectionId(), request.getRequestId())
                    .code("station_code", request.getStationCode())
                    .text("reason", request.getReason(), Rules.MAX_TEXT)
                    .throwIfAny();
            return exclusions.exclude(request);
        });
    }

    @Override
    public Uni<ListExclusionsResponse> listExclusions(ListExclusionsRequest request) {
        return checked(() -> {
            Violations violations = new Violations().electionId("election_id", request.getElectionId());
            violations.optionalCode("district_code", request.getDistrictCode());
            int size = Pages.size(request.getPageSize(), violations);
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
        return checked(() -> {
            String district = Rules.scope(request.getElectionId(), request.hasDistrictCode(),
                    request.getDistrictCode());
            return results.get(request.getElectionId(), district)
                    .map(r -> GetResultsResponse.newBuilder().setResults(r).build());
        });
    }

    @Override
    public Multi<WatchResultsResponse> watchResults(WatchResultsRequest request) {
        return Multi.createFrom().deferred(() -> {
            String district = Rules.scope(request.getElectionId(), request.hasDistrictCode(),
                    request.getDistrictCode());
            return results.watch(request.getElectionId(), district)
                    .map(r -> WatchResultsResponse.newBuilder().setResults(r).build());
        });
    }

    @Override
    public Uni<CertifyResultsResponse> certifyResults(CertifyResultsRequest request) {
        return checked(() -> {
            Rules.electionAndRequest(request.getElectionId(), request.getRequestId())
                    .check(request.getExpectedLedgerSequence() >= 0, "expected_ledger_sequence", "must not be negative")
                    .throwIfAny();
            return certification.certify(request);
        });
    }

    @Override
    public Multi<StreamLedgerResponse> streamLedger(StreamLedgerRequest request) {
        return Multi.createFrom().deferred(() -> {
            new Violations().electionId("election_id", request.getElectionId())
                    .check(request.getFromSequence() >= 0, "from_sequence", "must not be negative")
                    .throwIfAny();
            return ledger.stream(request.getElectionId(), request.getFromSequence(), request.getFollow())
                    .map(entry -> StreamLedgerResponse.newBuilder().setEntry(entry).build());
        });
    }

    @Override
    public Uni<GetLedgerHeadResponse> getLedgerHead(GetLedgerHeadRequest request) {
        return checked(() -> {
            new Violations().electionId("election_id", request.getElectionId()).throwIfAny();
            return ledger.head(request.getElectionId())
                    .map(head -> GetLedgerHeadResponse.newBuilder().setHead(head).build());
        });
    }

    @Override
    public Multi<ExportResultsResponse> exportResults(ExportResultsRequest request) {
        return Multi.createFrom().deferred(() -> {
            new Violations().electionId("election_id", request.getElectionId())
                    .check(request.getFormat() == ExportFormat.EXPORT_FORMAT_NIST_SP_1500_100_V2_JSON
                            || request.getFormat() == ExportFormat.EXPORT_FORMAT_CSV, "format",
                            "must be EXPORT_FORMAT_NIST_SP_1500_100_V2_JSON or EXPORT_FORMAT_CSV")
                    .throwIfAny();
            return exports.export(request.getElectionId(), request.getFormat());
        });
    }

    private static <T> Uni<T> checked(Supplier<Uni<? extends T>> handler) {
        return Uni.createFrom().deferred(handler);
    }
}
