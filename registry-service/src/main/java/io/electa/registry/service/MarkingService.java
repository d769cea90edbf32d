package io.electa.registry.service;

import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.domain.VoteMark;
import io.electa.registry.repository.MarkRepository;
import io.electa.registry.repository.MarkRepository.MarkAttempt;
import io.electa.registry.repository.MarkRepository.Replay;
import io.electa.registry.v1.ErrorReason;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.idempotency.RequestKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Marking a voter as having received a ballot: once per voter and election, once per
 * request_id. The database decides who was first (primary key, request_id claim); this class
 * turns what an attempt saw into an answer. A request_id answered before gets its first answer
 * (the mark, or ALREADY_MARKED if another request had marked the voter first); used for a
 * different request, it is INVALID_ARGUMENT.
 */
@ApplicationScoped
public class MarkingService {
    private final MarkRepository marks;

    public MarkingService(MarkRepository marks) {
        this.marks = marks;
    }

    public Uni<VoteMark> mark(String electionId, String nationalId, String stationCode, RequestKey key) {
        return marks.mark(electionId, nationalId, stationCode, key)
                .onItem().ifNull().failWith(() -> new NotFoundException("election " + electionId + " not found"))
                .chain(attempt -> decide(attempt, electionId, nationalId, stationCode, key));
    }

    private Uni<VoteMark> decide(MarkAttempt attempt, String electionId, String nationalId, String stationCode,
            RequestKey key) {
        if (attempt.created()) {
            return Uni.createFrom().item(attempt.mark());
        }
        if (attempt.stored() != null) {
            return Uni.createFrom().item(replay(new Replay(attempt.stored(), attempt.mark()), key));
        }
        if (attempt.allowed() && !attempt.claimed()) {
            // A twin claimed the request_id while this attempt ran: its answer is now stored.
            return marks.stored(electionId, nationalId, key).map(replay -> replay(replay, key));
        }
        if (attempt.allowed()) {
            // Claimed, but another request had marked the voter first.
            return attempt.mark() != null ? Uni.createFrom().failure(alreadyMarked(attempt.mark()))
                    : marks.find(electionId, nationalId).map(winner -> {
                        throw alreadyMarked(winner);
                    });
        }
        return refuse(attempt, electionId, nationalId, stationCode);
    }

    /** The first answer to the request a stored request_id names. */
    private static VoteMark replay(Replay replay, RequestKey key) {
        replay.stored().requireSameAs(key);
        if (replay.mark() == null) {
            throw new IllegalStateException("request " + key.requestId() + " is stored without the mark it made");
        }
        if (!replay.mark().requestId().equals(key.requestId())) {
            throw alreadyMarked(replay.mark());
        }
        return replay.mark();
    }

    /** Why the rules did not allow the mark. */
    private Uni<VoteMark> refuse(MarkAttempt attempt, String electionId, String nationalId, String stationCode) {
        if (attempt.status() != ElectionStatus.POLLING) {
            throw new FailedPreconditionException("election " + electionId + " is " + attempt.status()
                    + ": voters are marked only while polls are open", ErrorReason.POLLS_NOT_OPEN,
                    Map.of("status", "ELECTION_STATUS_" + attempt.status().name()));
        }
        if (attempt.homeStation() == null) {
            throw new NotFoundException("voter " + nationalId + " not found on the roll of election " + electionId);
        }
        if (attempt.mark() != null) {
            throw alreadyMarked(attempt.mark());
        }
        return marks.stationExists(electionId, stationCode)
                .map(exists -> {
                    if (!exists) {
                        throw new NotFoundException("station " + stationCode + " not found in election " + electionId);
                    }
                    throw wrongStation(attempt, nationalId, stationCode);
                });
    }

    private static FailedPreconditionException wrongStation(MarkAttempt attempt, String nationalId,
            String stationCode) {
        if (attempt.certificateStation() != null) {
            return new FailedPreconditionException("voter " + nationalId + " holds an absentee certificate for station "
                    + attempt.certificateStation() + " and may vote only there", ErrorReason.ABSENTEE_ELSEWHERE,
                    Map.of("station_code", attempt.certificateStation()));
        }
        return new FailedPreconditionException("voter " + nationalId + " is on the roll of station "
                + attempt.homeStation() + ", not " + stationCode + ", and holds no absentee certificate",
                ErrorReason.WRONG_STATION, Map.of("station_code", attempt.homeStation()));
    }

    private static AlreadyExistsException alreadyMarked(VoteMark mark) {
        return new AlreadyExistsException("voter " + mark.nationalId() + " already received a ballot at station "
                + mark.stationCode() + " at " + mark.markedAt(), ErrorReason.ALREADY_MARKED,
                Map.of("station_code", mark.stationCode(), "mark_time", mark.markedAt().toString()));
    }
}
