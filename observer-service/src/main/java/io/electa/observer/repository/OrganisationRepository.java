package io.electa.observer.repository;

import io.electa.observer.domain.Organisation;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Organisations, through Hibernate Reactive. */
@ApplicationScoped
@WithSession
public class OrganisationRepository implements PanacheRepositoryBase<Organisation, String> {

    /** The organisation, or NOT_FOUND. */
    public Uni<Organisation> require(String organisationId) {
        return findById(organisationId)
                .onItem().ifNull().failWith(() -> new NotFoundException("organisation " + organisationId + " not found"));
    }

    /** Organisations by id after {@code afterKey}, optionally of one type and country. */
    public Uni<Page<Organisation>> page(String type, String country, String afterKey, int size) {
        Filter filter = new Filter()
                .and("organisationId > ?", afterKey)
                .andEqualIfSet("type", type)
                .andEqualIfSet("country", country);
        return find(filter.hql("organisationId"), filter.parameters())
                .range(0, size)
                .list()
                .map(rows -> Page.of(rows, size, o -> o.organisationId));
    }
}
