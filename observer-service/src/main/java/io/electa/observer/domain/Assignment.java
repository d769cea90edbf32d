package io.electa.observer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An observer assigned to a station for election day. */
@Entity
@Table(name = "assignment")
public class Assignment {
    @Id
    @Column(name = "assignment_id")
    public UUID assignmentId;

    @Column(name = "accreditation_id")
    public UUID accreditationId;

    @Column(name = "election_id")
    public String electionId;

    @Column(name = "organisation_id")
    public String organisationId;

    @Column(name = "station_code")
    public String stationCode;

    @Column(name = "district_code")
    public String districtCode;

    @Column(name = "assigned_by")
    public String assignedBy;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    public static Assignment of(Accreditation accreditation, StationFacts station, String by, Instant now) {
        Assignment a = new Assignment();
        a.assignmentId = UUID.randomUUID();
        a.accreditationId = accreditation.accreditationId;
        a.electionId = accreditation.electionId;
        a.organisationId = accreditation.organisationId;
        a.stationCode = station.stationCode();
        a.districtCode = station.districtCode();
        a.assignedBy = by;
        a.assignedAt = now;
        return a;
    }
}
