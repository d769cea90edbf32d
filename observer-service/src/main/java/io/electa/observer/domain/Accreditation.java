package io.electa.observer.domain;

import io.electa.observer.v1.ErrorReason;
import io.electa.support.domain.FailedPreconditionException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** One observer's accreditation for one election through one organisation, and its state machine. */
@Entity
@Table(name = "accreditation")
public class Accreditation {

    @Id
    @Column(name = "accreditation_id")
    public UUID accreditationId;

    @Column(name = "election_id")
    public String electionId;

    /** Election day as the registry published it when the application was filed. */
    @Column(name = "election_day")
    public LocalDate electionDay;

    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "given_name")
    public String givenName;

    @Column(name = "family_name")
    public String familyName;

    public String citizenship;

    @Column(name = "document_number")
    public String documentNumber;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    /** The MissionRole enum name of the contract. */
    @Column(name = "mission_role")
    public String missionRole;

    @Enumerated(EnumType.STRING)
    public AccreditationStatus status;

    @Column(name = "badge_number")
    public String badgeNumber;

    @Column(name = "valid_until")
    public Instant validUntil;

    @Column(name = "applied_at")
    public Instant appliedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "refusal_reason")
    public String refusalReason;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason")
    public String revocationReason;

    /** A new PENDING accreditation. */
    public static Accreditation apply(Application application, LocalDate electionDay, Instant now) {
        Accreditation a = new Accreditation();
        a.accreditationId = UUID.randomUUID();
        a.electionId = application.electionId();
        a.electionDay = electionDay;
        a.organisationId = application.organisationId();
        a.givenName = application.person().givenName();
        a.familyName = application.person().familyName();
        a.citizenship = application.person().citizenship();
        a.documentNumber = application.person().documentNumber();
        a.dateOfBirth = application.person().dateOfBirth();
        a.missionRole = application.missionRole();
        a.status = AccreditationStatus.PENDING;
        a.appliedAt = now;
        return a;
    }

    /** PENDING -> APPROVED with a badge valid until {@code validUntil}. */
    public void approve(String badge, Instant validUntil, String by, Instant now) {
        requireStatus(AccreditationStatus.PENDING, "approve");
        if (!now.isBefore(validUntil)) {
            throw new FailedPreconditionException("cannot approve accreditation " + accreditationId
                    + ": the counting day of election " + electionId + " is over", ErrorReason.BADGE_EXPIRED);
        }
        status = AccreditationStatus.APPROVED;
        badgeNumber = badge;
        this.validUntil = validUntil;
        decidedBy = by;
        decidedAt = now;
    }

    /** PENDING -> REFUSED. */
    public void refuse(String reason, String by, Instant now) {
        requireStatus(AccreditationStatus.PENDING, "refuse");
        status = AccreditationStatus.REFUSED;
        refusalReason = reason;
        decidedBy = by;
        decidedAt = now;
    }

    /** APPROVED -> REVOKED; the badge stops being valid at once. */
    public void revoke(String reason, Instant now) {
        requireStatus(AccreditationStatus.APPROVED, "revoke");
        status = AccreditationStatus.REVOKED;
        revocationReason = reason;
        revokedAt = now;
    }

    /** Fails unless APPROVED and within validity: what deployment, reports and badges require. */
    public void requireActive(Instant now, String action) {
        requireStatus(AccreditationStatus.APPROVED, action);
        if (isExpiredAt(now)) {
            throw new FailedPreconditionException("cannot " + action + ": the badge of accreditation "
                    + accreditationId + " expired at " + validUntil, ErrorReason.BADGE_EXPIRED);
        }
    }

    public boolean isExpiredAt(Instant now) {
        return validUntil != null && !now.isBefore(validUntil);
    }

    private void requireStatus(AccreditationStatus expected, String action) {
        if (status != expected) {
            throw new FailedPreconditionException("cannot " + action + " accreditation " + accreditationId
                    + ": it is " + status + ", not " + expected, ErrorReason.WRONG_ACCREDITATION_STATUS,
                    java.util.Map.of("status", "ACCREDITATION_STATUS_" + status.name()));
        }
    }
}
