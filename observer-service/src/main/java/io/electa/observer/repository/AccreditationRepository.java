package io.electa.observer.repository;

import io.electa.observer.domain.Accreditation;
import io.electa.observer.domain.AccreditationStatus;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.electa.support.domain.PageKeys;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.UUID;

/** Accreditations, through Hibernate Reactive. */
@ApplicationScoped
@WithSession
public class AccreditationRepository implements PanacheRepositoryBase<Accreditation, UUID> {
    private static final List<AccreditationStatus> LIVE = List.of(AccreditationStatus.PENDING,
            AccreditationStatus.APPROVED);

    /** The accreditation, or NOT_FOUND. */
    public Uni<Accreditation> require(UUID accreditationId) {
        return findById(accreditationId)
                .onItem().ifNull().failWith(() -> notFound(accreditationId));
    }

    /** The accreditation locked for update until the transaction ends, or NOT_FOUND. */
    public Uni<Accreditation> requireForUpdate(UUID accreditationId) {
        return findById(accreditationId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> notFound(accreditationId));
    }

    /** The person's live (PENDING or APPROVED) accreditation in the election, or null. */
    public Uni<Accreditation> findLive(String electionId, String citizenship, String documentNumber) {
        return find("electionId = ?1 and citizenship = ?2 and documentNumber = ?3 and status in ?4",
                electionId, citizenship, documentNumber, LIVE).firstResult();
    }

    /** Live accreditations of the organisation in the election. */
    public Uni<Long> countLive(String organisationId, String electionId) {
        return count("organisationId = ?1 and electionId = ?2 and status in ?3", organisationId, electionId, LIVE);
    }

    public Uni<Accreditation> findByBadge(String badgeNumber) {
        return find("badgeNumber", badgeNumber).firstResult();
    }

    /**
     * An election's accreditations ordered by family name, given name and id, after the key
     * (those three joined by {@link PageKeys}; empty for the first page).
     */
    public Uni<Page<Accreditation>> page(String electionId, String organisationId, String citizenship,
            AccreditationStatus status, List<String> after, int size) {
        Filter filter = new Filter()
                .and("electionId = ?", electionId)
                .andEqualIfSet("organisationId", organisationId)
                .andEqualIfSet("citizenship", citizenship)
                .andEqualIfSet("status", status);
        if (!after.isEmpty()) {
            filter.and("familyName > ? or (familyName = ? and (givenName > ? or (givenName = ? and accreditationId > ?)))",
                    after.get(0), after.get(0), after.get(1), after.get(1), UUID.fromString(after.get(2)));
        }
        return find(filter.hql("familyName, givenName, accreditationId"), filter.parameters())
                .range(0, size)
                .list()
                .map(rows -> Page.of(rows, size, a -> PageKeys.join(a.familyName, a.givenName, a.accreditationId)));
    }

    private static NotFoundException notFound(UUID accreditationId) {
        return new NotFoundException("accreditation " + accreditationId + " not found");
    }
}
