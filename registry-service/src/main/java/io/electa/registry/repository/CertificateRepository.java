package io.electa.registry.repository;

import io.electa.registry.domain.AbsenteeCertificate;
import io.electa.support.domain.NotFoundException;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/** Absentee certificates, through Hibernate Reactive. */
@ApplicationScoped
@WithSession
public class CertificateRepository implements PanacheRepositoryBase<AbsenteeCertificate, UUID> {

    /** The voter's active certificate in the election, or null. */
    public Uni<AbsenteeCertificate> findActive(String electionId, String nationalId) {
        return find("electionId = ?1 and nationalId = ?2 and status = ?3",
                electionId, nationalId, AbsenteeCertificate.Status.ACTIVE)
                .firstResult();
    }

    /** The certificate of the election locked for update, or NOT_FOUND. */
    public Uni<AbsenteeCertificate> requireForUpdate(String electionId, UUID certificateId) {
        return findById(certificateId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNotNull().transform(c -> c.electionId.equals(electionId) ? c : null)
                .onItem().ifNull().failWith(() -> new NotFoundException(
                        "certificate " + certificateId + " not found in election " + electionId));
    }
}
