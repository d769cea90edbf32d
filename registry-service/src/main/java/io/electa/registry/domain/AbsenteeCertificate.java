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
import java.util.UUID;

/** Permission for a voter to vote at another station instead of their own. */
@Entity
@Table(name = "absentee_certificate")
public class AbsenteeCertificate {
    /** Status of a certificate. */
    public enum Status {
        ACTIVE,
        CANCELLED
    }

    @Id
    @Column(name = "certificate_id")
    public UUID certificateId;

    @Column(name = "election_id")
    public String electionId;

    @Column(name = "national_id")
    public String nationalId;

    @Column(name = "home_station_code")
    public String homeStationCode;

    @Column(name = "station_code")
    public String stationCode;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "issued_at")
    public Instant issuedAt;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "cancel_reason")
    public String cancelReason;

    public static AbsenteeCertificate issue(String electionId, Voter voter, String stationCode, Instant now) {
        if (voter.stationCode().equals(stationCode)) {
            throw new FailedPreconditionException(
                    "station " + stationCode + " is the voter's own station", ErrorReason.OWN_STATION);
        }
        AbsenteeCertificate certificate = new AbsenteeCertificate();
        certificate.certificateId = UUID.randomUUID();
        certificate.electionId = electionId;
        certificate.nationalId = voter.nationalId();
        certificate.homeStationCode = voter.stationCode();
        certificate.stationCode = stationCode;
        certificate.status = Status.ACTIVE;
        certificate.issuedAt = now;
        return certificate;
    }

    public void cancel(String reason, Instant now) {
        if (status != Status.ACTIVE) {
            throw new FailedPreconditionException(
                    "certificate " + certificateId + " is already cancelled", ErrorReason.CERTIFICATE_CANCELLED);
        }
        status = Status.CANCELLED;
        cancelledAt = now;
        cancelReason = reason;
    }
}
