package io.electa.observer.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A report as an observer files it (already checked for shape). */
public record ReportFiling(UUID accreditationId, String stationCode, Instant arrival, Instant departure,
        List<AnswerEntry> answers, List<IncidentEntry> incidents) {

    /** The protocols the incidents cite, without repeats. */
    public List<UUID> citedProtocols() {
        return incidents.stream().map(IncidentEntry::citedProtocolId).filter(id -> id != null).distinct().toList();
    }

    /** One checklist answer; {@code answer} is the contract's Answer enum name. */
    public record AnswerEntry(String questionId, String answer, String comment) {
    }

    /** One incident; {@code category} the contract's enum name, {@code severity} 1..4. */
    public record IncidentEntry(String category, int severity, String description, Instant occurredAt,
            UUID citedProtocolId) {
    }
}
