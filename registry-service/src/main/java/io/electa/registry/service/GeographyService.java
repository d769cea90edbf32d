package io.electa.registry.service;

import io.electa.registry.v1.ErrorReason;
import io.electa.registry.domain.District;
import io.electa.registry.domain.Station;
import io.electa.registry.repository.DistrictRepository;
import io.electa.registry.repository.ElectionRepository;
import io.electa.registry.repository.StationRepository;
import io.electa.support.domain.AlreadyExistsException;
import io.electa.support.domain.Page;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Districts and polling stations of an election; they change only while the roll is open. */
@ApplicationScoped
public class GeographyService {
    private final ElectionRepository elections;
    private final DistrictRepository districts;
    private final StationRepository stations;

    public GeographyService(ElectionRepository elections, DistrictRepository districts, StationRepository stations) {
        this.elections = elections;
        this.districts = districts;
        this.stations = stations;
    }

    @WithTransaction
    public Uni<District> createDistrict(String electionId, String districtCode, String name) {
        return elections.requireForUpdate(electionId)
                .invoke(election -> election.requireRollOpen())
                .chain(() -> districts.find(electionId, districtCode))
                .onItem().ifNotNull().failWith(() -> new AlreadyExistsException(
                        "district " + districtCode + " already exists in election " + electionId,
                        ErrorReason.DISTRICT_EXISTS))
                .chain(() -> districts.persist(District.of(electionId, districtCode, name)));
    }

    @WithSession
    public Uni<District> district(String electionId, String districtCode) {
        return elections.require(electionId)
                .chain(() -> districts.require(electionId, districtCode));
    }

    @WithSession
    public Uni<Page<District>> districts(String electionId, String afterKey, int size) {
        return elections.require(electionId)
                .chain(() -> districts.page(electionId, afterKey, size));
    }

    @WithTransaction
    public Uni<Station> createStation(Station station) {
        return elections.requireForUpdate(station.electionId)
                .invoke(election -> election.requireRollOpen())
                .chain(() -> districts.require(station.electionId, station.districtCode))
                .chain(() -> stations.find(station.electionId, station.stationCode))
                .onItem().ifNotNull().failWith(() -> new AlreadyExistsException(
                        "station " + station.stationCode + " already exists in election " + station.electionId,
                        ErrorReason.STATION_EXISTS))
                .chain(() -> stations.persist(station));
    }

    @WithSession
    public Uni<Station> station(String electionId, String stationCode) {
        return elections.require(electionId)
                .chain(() -> stations.require(electionId, stationCode));
    }

    /** Stations by code; of one district when {@code districtCode} is not empty (it must exist). */
    @WithSession
    public Uni<Page<Station>> stations(String electionId, String districtCode, String afterKey, int size) {
        Uni<?> scope = districtCode.isEmpty()
                ? elections.require(electionId)
                : district(electionId, districtCode);
        return scope.chain(() -> stations.page(electionId, districtCode, afterKey, size));
    }
}
