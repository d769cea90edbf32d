package io.electa.observer.service;

import io.electa.observer.v1.ErrorReason;
import io.electa.observer.domain.Organisation;
import io.electa.observer.domain.Quota;
import io.electa.observer.domain.QuotaUse;
import io.electa.observer.repository.AccreditationRepository;
import io.electa.observer.repository.OrganisationRepository;
import io.electa.observer.repository.QuotaRepository;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Organisations and their quotas per election. */
@ApplicationScoped
public class OrganisationService {
    private final OrganisationRepository organisations;
    private final QuotaRepository quotas;
    private final AccreditationRepository accreditations;
    private final ServiceClock clock;

    public OrganisationService(OrganisationRepository organisations, QuotaRepository quotas,
            AccreditationRepository accreditations, ServiceClock clock) {
        this.organisations = organisations;
        this.quotas = quotas;
        this.accreditations = accreditations;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Organisation> create(Organisation organisation) {
        return organisations.findById(organisation.organisationId)
                .onItem().ifNotNull().failWith(() -> new AlreadyExistsException(
                        "organisation " + organisation.organisationId + " already exists", ErrorReason.ORGANISATION_EXISTS))
                .invoke(() -> organisation.createdAt = clock.now())
                .chain(() -> organisations.persist(organisation));
    }

    @WithSession
    public Uni<Organisation> get(String organisationId) {
        return organisations.require(organisationId);
    }

    @WithSession
    public Uni<Page<Organisation>> page(String type, String country, String afterKey, int size) {
        return organisations.page(type, country, afterKey, size);
    }

    /** Sets ({@code maxObservers} null: clears) the quota; the election was checked with the registry. */
    @WithTransaction
    public Uni<QuotaUse> setQuota(String organisationId, String electionId, Integer maxObservers) {
        return organisations.require(organisationId)
                .chain(() -> quotas.findForUpdate(organisationId, electionId))
                .chain(existing -> existing == null
                        ? quotas.persist(Quota.of(organisationId, electionId, maxObservers, clock.now()))
                        : Uni.createFrom().item(update(existing, maxObservers)))
                .chain(this::withUse);
    }

    @WithSession
    public Uni<QuotaUse> quota(String organisationId, String electionId) {
        return organisations.require(organisationId)
                .chain(() -> quotas.find(organisationId, electionId))
                .chain(quota -> quota != null ? withUse(quota) : withUse(Quota.of(organisationId, electionId, null, null)));
    }

    private Quota update(Quota quota, Integer maxObservers) {
        quota.maxObservers = maxObservers;
        quota.updatedAt = clock.now();
        return quota;
    }

    private Uni<QuotaUse> withUse(Quota quota) {
        return accreditations.countLive(quota.organisationId, quota.electionId)
                .map(used -> new QuotaUse(quota.organisationId, quota.electionId, quota.maxObservers, used,
                        quota.updatedAt));
    }
}
