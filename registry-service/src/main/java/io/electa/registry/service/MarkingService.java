package io.electa.registry.service;

import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.domain.VoteMark;
import io.electa.registry.repository.MarkRepository.MarkAttempt;
import io.electa.registry.repository.MarkRepository;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Marking a voter as having received a ballot: once per voter and election. The database
 * decides who was first (primary key); this class turns what an attempt saw into an answer.
 */
@ApplicationScoped
public class MarkingService {
    private final MarkRepository marks;

    public MarkingService(MarkRepository marks) {
        this.marks = marks;
    }

    public Uni<VoteMark> mark(String electionId, String nationalId, String stationCode, String requestId) {
        return marks.mark(electionId, nationalId, stationCode, requestId)
                .onItem().ifNull().failWith(() -> new NotFoundException("election " + electionId + " not found"))
                .chain(attempt -> decide(attempt, electionId, nationalId, stationCode, requestId));
    }

    private Uni<VoteMark> decide(MarkAttempt attempt, String electionId, String nationalId, String stationCode,
            String requestId) {
        VoteMark mark = attempt.mark();
        if (attempt.created() || (mark != null && mark.requestId().equals(requestId))) {
            return Uni.createFrom().item(mark);
        }
        if (attempt.status() != ElectionStatus.POLLING) {
            throw new FailedPreconditionException("election " + electionId + " is " + attempt.status()
                    + ": voters are marked only while polls are open", "POLLS_NOT_OPEN");
        }
        if (attempt.homeStation() == null) {
            throw new NotFoundException("voter " + nationalId + " not found on the roll of election " + electionId);
        }
        return requireStationExists(attempt, electionId, stationCode)
                .chain(() -> refusedOrRaced(attempt, electionId, nationalId, stationCode, requestId));
    }

    /** The station exists when it is the voter's own or the certificate's; otherwise ask. */
    private Uni<Void> requireStationExists(MarkAttempt attempt, String electionId, String stationCode) {
        if (stationCode.equals(attempt.homeStation()) || stationCode.equals(attempt.certificateStation())) {
            return Uni.createFrom().voidItem();
        }
        return marks.stationExists(electionId, stationCode)
                .invoke(exists -> {
                    if (!exists) {
                        throw new NotFoundException("station " + stationCode + " not found in election " + electionId);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<VoteMark> refusedOrRaced(MarkAttempt attempt, String electionId, String nationalId,
            String stationCode, String requestId) {
        if (attempt.mark() != null) {
            throw alreadyMarked(attempt.mark());
        }
        requireRightStation(attempt, nationalId, stationCode);
        // Allowed, yet not created and no mark seen: a concurrent attempt won; read its mark.
        return marks.find(electionId, nationalId)
                .map(winner -> {
                    if (winner.requestId().equals(requestId)) {
                        return winner;
                    }
                    throw alreadyMarked(winner);
                });
    }

    private static void requireRightStation(MarkAttempt attempt, String nationalId, String stationCode) {
        if (attempt.certificateStation() != null && !attempt.certificateStation().equals(stationCode)) {
            throw new FailedPreconditionException("voter " + nationalId + " holds an absentee certificate for station "
                    + attempt.certificateStation() + " and may vote only there", "ABSENTEE_ELSEWHERE");
        }
        if (attempt.certificateStation() == null && !attempt.homeStation().equals(stationCode)) {
            throw new FailedPreconditionException("voter " + nationalId + " is on the roll of station "
                    + attempt.homeStation() + ", not " + stationCode + ", and holds no absentee certificate",
                    "WRONG_STATION");
        }
    }

    private static AlreadyExistsException alreadyMarked(VoteMark mark) {
        return new AlreadyExistsException("voter " + mark.nationalId() + " already received a ballot at station "
                + mark.stationCode() + " at " + mark.markedAt(), "ALREADY_MARKED",
                Map.of("station_code", mark.stationCode(), "mark_time", mark.markedAt().toString()));
    }
}
