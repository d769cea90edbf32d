package io.electa.registry.pollbook;

import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.repository.PollBookRepository.Attempt;
import io.electa.registry.repository.PollBookRepository.Conflict;
import io.electa.registry.repository.PollBookRepository.Recording;
import io.electa.registry.repository.PollBookRepository.Stored;
import io.electa.registry.repository.PollBookRepository;
import io.electa.registry.v1.ErrorReason;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Uploaded poll books: the header checked once, then every message of marks recorded in one
 * statement and each mark's verdict decided from what that statement saw and did. The database
 * decides who was first (the voter's primary key, the request_id claim); a replay of a mark gets
 * its first outcome (ALREADY_RECORDED for a recorded mark, CONFLICT again for a conflict). A mark
 * for a voter marked before is a CONFLICT wherever it was made; a mark for a voter not marked
 * yet is REJECTED when the station is not the voter's (own or the certificate's).
 */
@ApplicationScoped
public class PollBooks {
    /** The method a queued mark's request_id is stored under. */
    public static final String METHOD = io.electa.registry.v1.QueuedMark.getDescriptor().getFullName();

    private final PollBookRepository repository;

    public PollBooks(PollBookRepository repository) {
        this.repository = repository;
    }

    /** A mark of a message: to be recorded, or already decided (malformed). */
    public record Upload(QueuedMark mark, Verdict decided) {
        public static Upload of(QueuedMark mark) {
            return new Upload(mark, null);
        }

        public static Upload malformed(String message) {
            return new Upload(null, Verdict.malformed(message));
        }
    }

    /** Checks the header: the election and the station exist, the polls are open. */
    public Uni<Void> open(String electionId, String stationCode) {
        return repository.open(electionId, stationCode).map(opening -> {
            if (opening == null) {
                throw new NotFoundException("election " + electionId + " not found");
            }
            if (!opening.stationExists()) {
                throw new NotFoundException("station " + stationCode + " not found in election " + electionId);
            }
            requirePolling(electionId, opening.status());
            return null;
        });
    }

    /**
     * Records one message of marks made at {@code stationCode} and uploaded by {@code markedBy}
     * (the caller's subject, which every mark and conflict records); the verdicts in order.
     */
    public Uni<List<Verdict>> record(String electionId, String stationCode, String markedBy, List<Upload> uploads) {
        Verdict[] verdicts = new Verdict[uploads.size()];
        List<Integer> positions = new ArrayList<>();
        List<QueuedMark> marks = new ArrayList<>();
        Set<String> requestIds = new HashSet<>();
        for (int i = 0; i < uploads.size(); i++) {
            Upload upload = uploads.get(i);
            if (upload.decided() != null) {
                verdicts[i] = upload.decided();
            } else if (!requestIds.add(upload.mark().key().requestId())) {
                verdicts[i] = Verdict.rejected(upload.mark(), Verdict.Rejection.REQUEST_ID_REUSED,
                        "request_id used twice in this message");
            } else {
                positions.add(i);
                marks.add(upload.mark());
            }
        }
        if (marks.isEmpty()) {
            return Uni.createFrom().item(List.of(verdicts));
        }
        return repository.record(electionId, stationCode, METHOD, markedBy, marks)
                .chain(recording -> decide(electionId, stationCode, marks, recording))
                .map(decided -> {
                    for (int j = 0; j < positions.size(); j++) {
                        verdicts[positions.get(j)] = decided.get(j);
                    }
                    return List.of(verdicts);
                });
    }

    public Uni<Page<Conflict>> conflicts(String electionId, String district, String station, List<String> after,
            int size) {
        return repository.open(electionId, "").chain(opening -> {
            if (opening == null) {
                throw new NotFoundException("election " + electionId + " not found");
            }
            return repository.conflicts(electionId, district, station, after, size);
        });
    }

    private Uni<List<Verdict>> decide(String electionId, String stationCode, List<QueuedMark> marks,
            Recording recording) {
        requirePolling(electionId, recording.status());
        Verdict[] verdicts = new Verdict[marks.size()];
        List<Integer> twins = new ArrayList<>();
        List<Integer> unsettled = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            QueuedMark mark = marks.get(i);
            Attempt attempt = recording.attempts().get(i);
            if (attempt.recorded()) {
                verdicts[i] = Verdict.recorded(mark, stationCode);
            } else if (attempt.conflicted()) {
                verdicts[i] = attempt.conflictStation() == null ? null : Verdict.conflict(mark, attempt.conflictStation());
                if (verdicts[i] == null) {
                    unsettled.add(i);
                }
            } else if (!allowedAt(attempt, stationCode)) {
                verdicts[i] = refusal(mark, attempt, stationCode);
            } else if (attempt.stored().method() != null) {
                verdicts[i] = replay(mark, attempt.stored());
                if (verdicts[i] == null) {
                    unsettled.add(i);
                }
            } else {
                twins.add(i);
            }
        }
        return twins(electionId, marks, twins, verdicts, unsettled)
                .chain(() -> settle(electionId, marks, unsettled, verdicts))
                .map(ignored -> List.of(verdicts));
    }

    /** Marks whose request_id a twin upload claimed while the statement ran: its outcome, now stored. */
    private Uni<Void> twins(String electionId, List<QueuedMark> marks, List<Integer> twins, Verdict[] verdicts,
            List<Integer> unsettled) {
        if (twins.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<QueuedMark> pending = twins.stream().map(marks::get).toList();
        return repository.stored(electionId, pending).invoke(stored -> {
            for (int j = 0; j < twins.size(); j++) {
                int i = twins.get(j);
                if (stored.get(j).method() == null) {
                    throw new IllegalStateException("request " + marks.get(i).key().requestId()
                            + " was claimed by a twin but is not stored");
                }
                verdicts[i] = replay(marks.get(i), stored.get(j));
                if (verdicts[i] == null) {
                    unsettled.add(i);
                }
            }
        }).replaceWithVoid();
    }

    /** Conflicts whose first mark was committed concurrently: their counted station, read now. */
    private Uni<Void> settle(String electionId, List<QueuedMark> marks, List<Integer> unsettled, Verdict[] verdicts) {
        if (unsettled.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return repository.settle(electionId, unsettled.stream().map(i -> marks.get(i).key().requestId()).toList())
                .invoke(stations -> {
                    for (int i : unsettled) {
                        String station = stations.get(marks.get(i).key().requestId());
                        if (station == null) {
                            throw new IllegalStateException("conflict " + marks.get(i).key().requestId()
                                    + " has no first mark");
                        }
                        verdicts[i] = Verdict.conflict(marks.get(i), station);
                    }
                }).replaceWithVoid();
    }

    /** The first outcome of a stored request_id, or null for a conflict not yet settled. */
    private static Verdict replay(QueuedMark mark, Stored stored) {
        if (!stored.method().equals(METHOD) || !stored.fingerprint().equals(mark.key().fingerprint())) {
            return Verdict.rejected(mark, Verdict.Rejection.REQUEST_ID_REUSED,
                    "request_id was used before for another request");
        }
        if (mark.key().requestId().equals(stored.markRequestId())) {
            return Verdict.alreadyRecorded(mark, stored.markStation());
        }
        if (stored.conflicted()) {
            return stored.conflictStation() == null ? null : Verdict.conflict(mark, stored.conflictStation());
        }
        throw new IllegalStateException("request " + mark.key().requestId() + " is stored without its mark");
    }

    /** Whether the statement keeps the mark: a voter of the roll, at the right station or marked already. */
    private static boolean allowedAt(Attempt attempt, String stationCode) {
        String station = attempt.certificateStation() != null ? attempt.certificateStation() : attempt.homeStation();
        return attempt.homeStation() != null && (stationCode.equals(station) || attempt.markedStation() != null);
    }

    private static Verdict refusal(QueuedMark mark, Attempt attempt, String stationCode) {
        if (attempt.homeStation() == null) {
            return Verdict.rejected(mark, Verdict.Rejection.NOT_ON_ROLL, "the voter is not on the election's roll");
        }
        if (attempt.certificateStation() != null) {
            return Verdict.rejected(mark, Verdict.Rejection.ABSENTEE_ELSEWHERE,
                    "the voter holds an absentee certificate for station " + attempt.certificateStation());
        }
        return Verdict.rejected(mark, Verdict.Rejection.WRONG_STATION, "the voter is on the roll of station "
                + attempt.homeStation() + ", not " + stationCode + ", and holds no absentee certificate");
    }

    private static void requirePolling(String electionId, ElectionStatus status) {
        if (status != ElectionStatus.POLLING) {
            throw new FailedPreconditionException("election " + electionId + " is " + status
                    + ": poll books are synced only while polls are open", ErrorReason.POLLS_NOT_OPEN,
                    Map.of("status", "ELECTION_STATUS_" + status.name()));
        }
    }
}
