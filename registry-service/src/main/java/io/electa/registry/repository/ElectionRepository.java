package io.electa.registry.repository;

import io.electa.registry.domain.Election;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

/** Elections, through Hibernate Reactive. */
@ApplicationScoped
@WithSession
public class ElectionRepository implements PanacheRepositoryBase<Election, String> {

    /** The election, or NOT_FOUND. */
    public Uni<Election> require(String electionId) {
        return findById(electionId)
                .onItem().ifNull().failWith(() -> notFound(electionId));
    }

    /** The election locked for update until the transaction ends, or NOT_FOUND. */
    public Uni<Election> requireForUpdate(String electionId) {
        return findById(electionId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> notFound(electionId));
    }

    /** Elections ordered by id, after {@code afterKey} (exclusive; empty for the first page). */
    public Uni<Page<Election>> page(String afterKey, int size) {
        return find("electionId > ?1 order by electionId", afterKey)
                .range(0, size)
                .list()
                .map(rows -> Page.of(rows, size, e -> e.electionId));
    }

    private static NotFoundException notFound(String electionId) {
        return new NotFoundException("election " + electionId + " not found");
    }
}
