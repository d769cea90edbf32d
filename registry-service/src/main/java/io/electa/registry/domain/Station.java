package io.electa.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A polling station of one election; it belongs to one district. */
@Entity
@Table(name = "station")
@IdClass(Station.Key.class)
public class Station {
    @Id
    @Column(name = "election_id")
    public String electionId;

    @Id
    @Column(name = "station_code")
    public String stationCode;

    @Column(name = "district_code")
    public String districtCode;

    public String name;

    public String address;

    public static Station of(String electionId, String stationCode, String districtCode, String name,
            String address) {
        Station station = new Station();
        station.electionId = electionId;
        station.stationCode = stationCode;
        station.districtCode = districtCode;
        station.name = name;
        station.address = address;
        return station;
    }

    /** Primary key. */
    public record Key(String electionId, String stationCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
