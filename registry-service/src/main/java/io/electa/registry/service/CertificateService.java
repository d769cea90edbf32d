package io.electa.registry.service;

import io.electa.registry.v1.ErrorReason;
import io.electa.registry.domain.AbsenteeCertificate;
import io.electa.registry.domain.Election;
import io.electa.registry.domain.ElectionStatus;
import io.electa.registry.repository.CertificateRepository;
import io.electa.registry.repository.ElectionRepository;
import io.electa.registry.repository.StationRepository;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.Clock;
import io.electa.support.domain.FailedPreconditionException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;

/** Absentee certificates: issued and cancelled before the polls open. */
@ApplicationScoped
public class CertificateService {
    private final ElectionRepository elections;
    private final StationRepository stations;
    private final CertificateRepository certificates;
    private final VoterService voters;

    public CertificateService(ElectionRepository elections, StationRepository stations,
            CertificateRepository certificates, VoterService voters) {
        this.elections = elections;
        this.stations = stations;
        this.certificates = certificates;
        this.voters = voters;
    }

    /** Issues a certificate; at most one is active per voter (also a unique index). */
    @WithTransaction
    public Uni<AbsenteeCertificate> issue(String electionId, String nationalId, String stationCode) {
        return elections.require(electionId)
                .invoke(CertificateService::requireBeforePolls)
                .chain(() -> voters.requireVoter(electionId, nationalId))
                .call(() -> stations.require(electionId, stationCode))
                .call(() -> certificates.findActive(electionId, nationalId)
                        .invoke(CertificateService::requireNone))
                .map(voter -> AbsenteeCertificate.issue(electionId, voter, stationCode, Clock.now()))
                .chain(certificates::persist);
    }

    @WithTransaction
    public Uni<AbsenteeCertificate> cancel(String electionId, UUID certificateId, String reason) {
        return elections.require(electionId)
                .invoke(CertificateService::requireBeforePolls)
                .chain(() -> certificates.requireForUpdate(electionId, certificateId))
                .invoke(certificate -> certificate.cancel(reason, Clock.now()));
    }

    private static void requireNone(AbsenteeCertificate active) {
        if (active != null) {
            throw new AlreadyExistsException("voter " + active.nationalId + " already holds active certificate "
                    + active.certificateId + " for station " + active.stationCode, ErrorReason.ACTIVE_CERTIFICATE_EXISTS,
                    Map.of("certificate_id", active.certificateId.toString(), "station_code", active.stationCode));
        }
    }

    private static void requireBeforePolls(Election election) {
        if (election.status == ElectionStatus.POLLING || election.status == ElectionStatus.CLOSED) {
            throw new FailedPreconditionException("absentee certificates of election " + election.electionId
                    + " can no longer change: the election is " + election.status, ErrorReason.POLLS_OPENED);
        }
    }
}
