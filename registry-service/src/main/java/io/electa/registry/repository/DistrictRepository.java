package io.electa.registry.repository;

import io.electa.registry.domain.District;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Districts, through Hibernate Reactive. */
@ApplicationScoped
@WithSession
public class DistrictRepository implements PanacheRepositoryBase<District, District.Key> {

    public Uni<District> find(String electionId, String districtCode) {
        return findById(new District.Key(electionId, districtCode));
    }

    /** The district, or NOT_FOUND. */
    public Uni<District> require(String electionId, String districtCode) {
        return find(electionId, districtCode)
                .onItem().ifNull().failWith(() -> new NotFoundException(
                        "district " + districtCode + " not found in election " + electionId));
    }

    public Uni<Page<District>> page(String electionId, String afterKey, int size) {
        return find("electionId = ?1 and districtCode > ?2 order by districtCode", electionId, afterKey)
                .range(0, size)
                .list()
                .map(rows -> Page.of(rows, size, d -> d.districtCode));
    }
}
