package io.electa.tally.service;

import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.domain.Actor;
import io.electa.tally.domain.Contribution;
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
import java.util.List;
import java.util.UUID;

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

    public Uni<AcceptProtocolResponse> accept(AcceptProtocolRequest request) {
        UUID id = UUID.fromString(request.getProtocolId());
        return appender.append(request.getElectionId(), request.getRequestId(), request,
                AcceptProtocolResponse.parser(),
                (tx, slot) -> decide(tx, slot, id, ReviewDecision.REVIEW_DECISION_ACCEPTED, request.getJustification())
                        .map(p -> outcome(slot, p, LedgerEntryKind.LEDGER_ENTRY_KIND_PROTOCOL_ACCEPTED,
                                AcceptProtocolResponse.newBuilder().setProtocol(p).build())));
    }

    public Uni<RejectProtocolResponse> reject(RejectProtocolRequest request) {
        UUID id = UUID.fromString(request.getProtocolId());
        return appender.append(request.getElectionId(), request.getRequestId(), request,
                RejectProtocolResponse.parser(),
                (tx, slot) -> decide(tx, slot, id, ReviewDecision.REVIEW_DECISION_REJECTED, request.getReason())
                        .map(p -> outcome(slot, p, LedgerEntryKind.LEDGER_ENTRY_KIND_PROTOCOL_REJECTED,
                                RejectProtocolResponse.newBuilder().setProtocol(p).build())));
    }

    private Uni<Protocol> decide(SqlConnection tx, Slot slot, UUID id, ReviewDecision decision, String text) {
        ProtocolReview review = ProtocolReview.newBuilder()
                .setDecision(decision)
                .setText(text)
                .setReviewedBy(Actor.UNAUTHENTICATED)
                .setReviewTime(Timestamps.toProto(slot.recordTime()))
                .build();
        boolean accept = decision == ReviewDecision.REVIEW_DECISION_ACCEPTED;
        return protocols.find(tx, slot.electionId(), id)
                .chain(stored -> {
                    if (stored == null) {
                        throw new NotFoundException("election " + slot.electionId() + " has no protocol " + id);
                    }
                    requireDecidable(stored, accept);
                    return stations.find(tx, slot.electionId(), stored.recorded().getStationCode())
                            .chain(state -> {
                                if (accept) {
                                    ProtocolService.requireNotExcluded(state);
                                }
                                ProtocolStatus status = accept ? ProtocolStatus.PROTOCOL_STATUS_ACCEPTED
                                        : ProtocolStatus.PROTOCOL_STATUS_REJECTED;
                                Contribution figures = Contribution.of(stored.recorded().getFigures());
                                Contribution delta = accept ? figures
                                        : id.equals(state.countedProtocolId()) ? figures.negate() : null;
                                return protocols.setStatus(tx, id, status, null)
                                        .chain(() -> protocols.insertReview(tx, id, slot.sequence(), review))
                                        .chain(() -> stations.save(tx, state.withStatus(status, accept ? id : null)))
                                        .chain(() -> delta == null ? Uni.createFrom().voidItem()
                                                : totals.add(tx, slot.electionId(), state.districtCode(), delta, 0))
                                        .chain(() -> protocols.reviews(tx, List.of(id)))
                                        .map(reviews -> ProtocolViews.view(new ProtocolRepository.Stored(
                                                stored.recorded(), status, null), reviews.getOrDefault(id, List.of())));
                            });
                });
    }

    private static void requireDecidable(ProtocolRepository.Stored stored, boolean accept) {
        ProtocolStatus status = stored.status();
        boolean allowed = accept ? status == ProtocolStatus.PROTOCOL_STATUS_QUARANTINED
                : status == ProtocolStatus.PROTOCOL_STATUS_QUARANTINED || status == ProtocolStatus.PROTOCOL_STATUS_ACCEPTED;
        if (!allowed) {
            throw new FailedPreconditionException("protocol " + stored.id() + " is "
                    + ProtocolService.statusName(status) + "; only " + (accept ? "a QUARANTINED version can be accepted"
                            : "a QUARANTINED or ACCEPTED version can be rejected"), "PROTOCOL_NOT_REVIEWABLE");
        }
    }

    private static <R> Outcome<R> outcome(Slot slot, Protocol p, LedgerEntryKind kind, R answer) {
        return Outcome.of(LedgerRecord.newBuilder()
                .setKind(kind)
                .setProtocolReviewed(ProtocolReviewed.newBuilder()
                        .setProtocolId(p.getProtocolId())
                        .setStationCode(p.getStationCode())
                        .setDistrictCode(p.getDistrictCode())
                        .setReview(p.getReviews(p.getReviewsCount() - 1))), answer);
    }
}
