package io.electa.observer.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One incident of a report. */
@Entity
@Table(name = "incident")
public class Incident {
    @Id
    @Column(name = "incident_id")
    public UUID incidentId;

    @Column(name = "report_id")
    public UUID reportId;

    public int position;

    @Column(name = "election_id")
    public String electionId;

    @Column(name = "district_code")
    public String districtCode;

    /** The IncidentCategory enum name of the contract. */
    public String category;

    /** The IncidentSeverity number of the contract, 1 (LOW) .. 4 (CRITICAL). */
    public short severity;

    public String description;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "cited_protocol_id")
    public UUID citedProtocolId;

    public static Incident of(Report report, int position, ReportFiling.IncidentEntry entry) {
        Incident i = new Incident();
        i.incidentId = UUID.randomUUID();
        i.reportId = report.reportId;
        i.position = position;
        i.electionId = report.electionId;
        i.districtCode = report.districtCode;
        i.category = entry.category();
        i.severity = (short) entry.severity();
        i.description = entry.description();
        i.occurredAt = entry.occurredAt();
        i.citedProtocolId = entry.citedProtocolId();
        return i;
    }
}
