package io.electa.tally.service;

import io.electa.tally.v1.ErrorReason;
import io.electa.support.access.Scope;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.domain.Contribution;
import io.electa.tally.domain.StationState;
import io.electa.tally.ledger.Change;
import io.electa.tally.ledger.LedgerAppender;
import io.electa.tally.ledger.Outcome;
import io.electa.tally.ledger.Slot;
import io.electa.tally.repository.ProtocolRepository;
import io.electa.tally.repository.StationTallyRepository;
import io.electa.tally.repository.TotalsRepository;
import io.electa.tally.v1.AcceptProtocolRequest;
import io.electa.tally.v1.AcceptProtocolResponse;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerRecord;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolReview;
import io.electa.tally.v1.ProtocolReviewed;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.RejectProtocolRequest;
import io.electa.tally.v1.RejectProtocolResponse;
import io.electa.tally.v1.ReviewDecision;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * A supervisor's decisions: accept a quarantined version with a written justification (it counts
 * from then on), or reject a quarantined or accepted one with a reason (it stops counting and the
 * station must submit again).
 */
@ApplicationScoped
public class ReviewService {
    private final LedgerAppender appender;
    private final ProtocolRepository protocols;
    private final StationTallyRepository stations;
    private final TotalsRepository totals;

    public ReviewService(LedgerAppender appender, ProtocolRepository protocols, StationTallyRepository stations,
            TotalsRepository totals) {
        this.appender = appender;
        this.protocols = protocols;
        this.stations = stations;
        this.totals = totals;
    }

    /** Accepts a quarantined protocol: by {@code by}, within {@code scope} (its station or district). */
    public Uni<AcceptProtocolResponse> accept(AcceptProtocolRequest request, String by, Scope scope) {
        UUID id = UUID.fromString(request.getProtocolId());
        return appender.append(request.getElectionId(), request.getRequestId(), request,
                AcceptProtocolResponse.parser(),
                tx -> decide(tx, request.getElectionId(), id, ReviewDecision.REVIEW_DECISION_ACCEPTED,
                        request.getJustification(), LedgerEntryKind.LEDGER_ENTRY_KIND_PROTOCOL_ACCEPTED, new Decider(by, scope),
                        p -> AcceptProtocolResponse.newBuilder().setProtocol(p).build()));
    }

    /** Rejects a protocol: by {@code by}, within {@code scope} (its station or district). */
    public Uni<RejectProtocolResponse> reject(RejectProtocolRequest request, String by, Scope scope) {
        UUID id = UUID.fromString(request.getProtocolId());
        return appender.append(request.getElectionId(), request.getRequestId(), request,
                RejectProtocolResponse.parser(),
                tx -> decide(tx, request.getElectionId(), id, ReviewDecision.REVIEW_DECISION_REJECTED,
                        request.getReason(), LedgerEntryKind.LEDGER_ENTRY_KIND_PROTOCOL_REJECTED, new Decider(by, scope),
                        p -> RejectProtocolResponse.newBuilder().setProtocol(p).build()));
    }

    private <R> Uni<Change<R>> decide(SqlConnection tx, String electionId, UUID id, ReviewDecision decision,
            String text, LedgerEntryKind kind, Decider decider, Function<Protocol, R> answer) {
        boolean accept = decision == ReviewDecision.REVIEW_DECISION_ACCEPTED;
        return Uni.combine().all().unis(protocols.find(tx, electionId, id), protocols.reviews(tx, List.of(id)))
                .asTuple()
                .chain(found -> {
                    ProtocolRepository.Stored stored = found.getItem1();
                    if (stored == null) {
                        throw new NotFoundException("election " + electionId + " has no protocol " + id);
                    }
                    decider.scope().requireCovers(stored.recorded().getStationCode(),
                            stored.recorded().getDistrictCode());
                    requireDecidable(stored, accept);
                    List<ProtocolReview> earlier = found.getItem2().getOrDefault(id, List.of());
                    return stations.find(tx, electionId, stored.recorded().getStationCode())
                            .map(state -> {
                                if (accept) {
                                    ProtocolService.requireNotExcluded(state);
                                }
                                return Change.<R>of(state.stationCode(),
                                        slot -> decided(slot, stored, state, decision, text, earlier, kind,
                                                decider.by(), answer));
                            });
                });
    }

    private <R> Outcome<R> decided(Slot slot, ProtocolRepository.Stored stored, StationState state,
            ReviewDecision decision, String text, List<ProtocolReview> earlier, LedgerEntryKind kind, String by,
            Function<Protocol, R> answer) {
        boolean accept = decision == ReviewDecision.REVIEW_DECISION_ACCEPTED;
        UUID id = stored.id();
        ProtocolReview review = ProtocolReview.newBuilder()
                .setDecision(decision)
                .setText(text)
                .setReviewedBy(by)
                .setReviewTime(Timestamps.toProto(slot.recordTime()))
                .build();
        ProtocolStatus status = accept ? ProtocolStatus.PROTOCOL_STATUS_ACCEPTED : ProtocolStatus.PROTOCOL_STATUS_REJECTED;
        Contribution figures = Contribution.of(stored.recorded().getFigures());
        Contribution delta = accept ? figures : id.equals(state.countedProtocolId()) ? figures.negate() : null;
        List<ProtocolReview> reviews = new ArrayList<>(earlier);
        reviews.add(review);
        Protocol decided = ProtocolViews.view(new ProtocolRepository.Stored(stored.recorded(), status, null), reviews);
        return Outcome.of(tx -> {
            List<Uni<Void>> writes = new ArrayList<>();
            writes.add(protocols.setStatus(tx, id, status, null));
            writes.add(protocols.insertReview(tx, id, slot.sequence(), review));
            writes.add(stations.save(tx, state.withStatus(status, accept ? id : null)));
            if (delta != null) {
                writes.add(totals.add(tx, slot.electionId(), state.districtCode(), delta, 0));
            }
            return writes;
        }, LedgerRecord.newBuilder()
                .setKind(kind)
                .setProtocolReviewed(ProtocolReviewed.newBuilder()
                        .setProtocolId(decided.getProtocolId())
                        .setStationCode(decided.getStationCode())
                        .setDistrictCode(decided.getDistrictCode())
                        .setReview(review)), answer.apply(decided));
    }

    private static void requireDecidable(ProtocolRepository.Stored stored, boolean accept) {
        ProtocolStatus status = stored.status();
        boolean allowed = accept ? status == ProtocolStatus.PROTOCOL_STATUS_QUARANTINED
                : status == ProtocolStatus.PROTOCOL_STATUS_QUARANTINED || status == ProtocolStatus.PROTOCOL_STATUS_ACCEPTED;
        if (!allowed) {
            throw new FailedPreconditionException("protocol " + stored.id() + " is "
                    + ProtocolService.statusName(status) + "; only " + (accept ? "a QUARANTINED version can be accepted"
                            : "a QUARANTINED or ACCEPTED version can be rejected"), ErrorReason.PROTOCOL_NOT_REVIEWABLE);
        }
    }

    /** Who decides, and within which scope. */
    private record Decider(String by, Scope scope) {
    }
}
