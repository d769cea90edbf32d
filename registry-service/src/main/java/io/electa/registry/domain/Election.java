package io.electa.registry.domain;

import io.electa.registry.v1.ErrorReason;
import io.electa.support.domain.FailedPreconditionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** An election and where it is in its life. */
@Entity
@Table(name = "election")
public class Election {
    @Id
    @Column(name = "election_id")
    public String electionId;

    public String name;

    @Column(name = "election_day")
    public LocalDate electionDay;

    @Enumerated(EnumType.STRING)
    public ElectionStatus status;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "roll_frozen_at")
    public Instant rollFrozenAt;

    @Column(name = "polls_opened_at")
    public Instant pollsOpenedAt;

    @Column(name = "polls_closed_at")
    public Instant pollsClosedAt;

    @Column(name = "roll_sha256")
    public String rollSha256;

    @Column(name = "total_registered")
    public Long totalRegistered;

    /** A new election in status SCHEDULED. */
    public static Election schedule(String electionId, String name, LocalDate electionDay, Instant now) {
        Election election = new Election();
        election.electionId = electionId;
        election.name = name;
        election.electionDay = electionDay;
        election.status = ElectionStatus.SCHEDULED;
        election.createdAt = now;
        return election;
    }

    /** Fails unless the roll may still change. */
    public void requireRollOpen() {
        if (!status.rollIsOpen()) {
            throw new FailedPreconditionException(
                    "the roll of election " + electionId + " is frozen (status " + status + ")", ErrorReason.ROLL_FROZEN);
        }
    }

    /** Fails unless the election is in {@code expected}. */
    public void requireStatus(ElectionStatus expected, String action) {
        if (status != expected) {
            throw new FailedPreconditionException(
                    "cannot " + action + ": election " + electionId + " is " + status + ", not " + expected,
                    ErrorReason.WRONG_ELECTION_STATUS);
        }
    }

    public void markRollFrozen(long registered, String sha256, Instant now) {
        requireStatus(ElectionStatus.SCHEDULED, "freeze the roll");
        status = ElectionStatus.ROLL_FROZEN;
        rollFrozenAt = now;
        rollSha256 = sha256;
        totalRegistered = registered;
    }

    public void openPolls(Instant now) {
        requireStatus(ElectionStatus.ROLL_FROZEN, "open the polls");
        status = ElectionStatus.POLLING;
        pollsOpenedAt = now;
    }

    public void closePolls(Instant now) {
        requireStatus(ElectionStatus.POLLING, "close the polls");
        status = ElectionStatus.CLOSED;
        pollsClosedAt = now;
    }
}
