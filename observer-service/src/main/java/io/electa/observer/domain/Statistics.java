package io.electa.observer.domain;

import io.electa.support.domain.Ratio;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Observation statistics of one election. */
public record Statistics(String electionId, long observersAccredited, List<ByOrganisation> byOrganisation,
        Map<String, Long> byCitizenship, Map<String, Long> byOrganisationType, long stationsTotal,
        long stationsAssigned, long stationsCovered, long reports, long incidents,
        Map<String, Long> incidentsByCategory, List<ByDistrict> byDistrict, List<ByStation> byStation, Instant asOf) {

    public Ratio coverage() {
        return new Ratio(stationsCovered, stationsTotal);
    }

    /** APPROVED observers of one organisation. */
    public record ByOrganisation(String organisationId, String name, String type, String country, long observers) {
    }

    /** Coverage and incidents of one district. */
    public record ByDistrict(String districtCode, long stationsCovered, long incidents) {
    }

    /** Reports filed from one station and the incidents they report. */
    public record ByStation(String stationCode, long reports, long incidents) {
    }
}
