package io.electa.observer.repository;

import io.electa.observer.domain.Assignment;
import io.electa.support.domain.Page;
import io.electa.support.domain.PageKeys;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Deployment assignments, through Hibernate Reactive. */
@ApplicationScoped
@WithSession
public class AssignmentRepository implements PanacheRepositoryBase<Assignment, UUID> {

    public Uni<Assignment> find(UUID accreditationId, String stationCode) {
        return find("accreditationId = ?1 and stationCode = ?2", accreditationId, stationCode).firstResult();
    }

    /** Filters of a listing; empty strings and null mean "any". */
    public record Query(String electionId, UUID accreditationId, String organisationId, String districtCode,
            String stationCode) {
    }

    /** Assignments by station code then accreditation id, after the key (those two joined). */
    public Uni<Page<Assignment>> page(Query q, List<String> after, int size) {
        Filter filter = new Filter()
                .and("electionId = ?", q.electionId())
                .andEqualIfSet("accreditationId", q.accreditationId())
                .andEqualIfSet("organisationId", q.organisationId())
                .andEqualIfSet("districtCode", q.districtCode())
                .andEqualIfSet("stationCode", q.stationCode());
        if (!after.isEmpty()) {
            filter.and("stationCode > ? or (stationCode = ? and accreditationId > ?)",
                    after.get(0), after.get(0), UUID.fromString(after.get(1)));
        }
        return find(filter.hql("stationCode, accreditationId"), filter.parameters())
                .range(0, size)
                .list()
                .map(rows -> Page.of(rows, size, a -> PageKeys.join(a.stationCode, a.accreditationId)));
    }
}
