package io.electa.observer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One observer's report from one station visit; answers and incidents are rows of their own. */
@Entity
@Table(name = "report")
public class Report {
    @Id
    @Column(name = "report_id")
    public UUID reportId;

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

    public boolean assigned;

    @Column(name = "arrival_at")
    public Instant arrivalAt;

    @Column(name = "departure_at")
    public Instant departureAt;

    @Column(name = "filed_at")
    public Instant filedAt;

    /** The most severe incident's severity (1..4), 0 without incidents. */
    @Column(name = "max_severity")
    public short maxSeverity;

    public static Report of(ReportFiling filing, Accreditation accreditation, StationFacts station, boolean assigned,
            Instant now) {
        Report r = new Report();
        r.reportId = UUID.randomUUID();
        r.accreditationId = accreditation.accreditationId;
        r.electionId = accreditation.electionId;
        r.organisationId = accreditation.organisationId;
        r.stationCode = station.stationCode();
        r.districtCode = station.districtCode();
        r.assigned = assigned;
        r.arrivalAt = filing.arrival();
        r.departureAt = filing.departure();
        r.filedAt = now;
        r.maxSeverity = (short) filing.incidents().stream().mapToInt(ReportFiling.IncidentEntry::severity).max()
                .orElse(0);
        return r;
    }
}
