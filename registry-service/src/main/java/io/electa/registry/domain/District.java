package io.electa.registry.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** An electoral district of one election. */
@Entity
@Table(name = "district")
@IdClass(District.Key.class)
public class District {
    @Id
    @Column(name = "election_id")
    public String electionId;

    @Id
    @Column(name = "district_code")
    public String districtCode;

    public String name;

    public static District of(String electionId, String districtCode, String name) {
        District district = new District();
        district.electionId = electionId;
        district.districtCode = districtCode;
        district.name = name;
        return district;
    }

    /** Primary key. */
    public record Key(String electionId, String districtCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }
}
