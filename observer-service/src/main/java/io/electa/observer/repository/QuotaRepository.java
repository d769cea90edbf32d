package io.electa.observer.repository;

import io.electa.observer.domain.Quota;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Quotas per organisation and election. */
@ApplicationScoped
@WithSession
public class QuotaRepository implements PanacheRepositoryBase<Quota, Quota.Key> {

    /** The quota, or null when none was ever set. */
    public Uni<Quota> find(String organisationId, String electionId) {
        return findById(new Quota.Key(organisationId, electionId));
    }

    /** The quota locked until the transaction ends (applications of one organisation queue on it). */
    public Uni<Quota> findForUpdate(String organisationId, String electionId) {
        return findById(new Quota.Key(organisationId, electionId), LockModeType.PESSIMISTIC_WRITE);
    }
}
