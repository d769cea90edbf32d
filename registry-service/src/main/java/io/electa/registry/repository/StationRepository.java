package io.electa.registry.repository;

import io.electa.registry.domain.Station;
import io.electa.support.domain.NotFoundException;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Polling stations, through Hibernate Reactive. */
@ApplicationScoped
@WithSession
public class StationRepository implements PanacheRepositoryBase<Station, Station.Key> {

    public Uni<Station> find(String electionId, String stationCode) {
        return findById(new Station.Key(electionId, stationCode));
    }

    /** The station, or NOT_FOUND. */
    public Uni<Station> require(String electionId, String stationCode) {
        return find(electionId, stationCode)
                .onItem().ifNull().failWith(() -> new NotFoundException(
                        "station " + stationCode + " not found in election " + electionId));
    }

    /** Stations by code, of one district when {@code districtCode} is not empty. */
    public Uni<Page<Station>> page(String electionId, String districtCode, String afterKey, int size) {
        var query = districtCode.isEmpty()
                ? find("electionId = ?1 and stationCode > ?2 order by stationCode", electionId, afterKey)
                : find("electionId = ?1 and districtCode = ?2 and stationCode > ?3 order by stationCode",
                        electionId, districtCode, afterKey);
        return query.range(0, size)
                .list()
                .map(rows -> Page.of(rows, size, s -> s.stationCode));
    }
}
