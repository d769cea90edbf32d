package io.electa.observer;

import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.observer.v1.CountryCount;
import io.electa.observer.v1.DistrictCount;
import io.electa.observer.v1.GetStatisticsRequest;
import io.electa.observer.v1.IncidentCategory;
import io.electa.observer.v1.IncidentCategoryCount;
import io.electa.observer.v1.IncidentSeverity;
import io.electa.observer.v1.OrganisationCount;
import io.electa.observer.v1.OrganisationType;
import io.electa.observer.v1.OrganisationTypeCount;
import io.electa.observer.v1.StationCount;
import io.electa.observer.v1.Statistics;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StatisticsTest extends ObserverTestSupport {

    @Test
    void countsAccreditedObserversCoverageAndIncidents() {
        String election = newElection();
        String parliament = newOrganisation(OrganisationType.ORGANISATION_TYPE_FOREIGN_PARLIAMENT, "KZ");
        String ngo = newOrganisation(OrganisationType.ORGANISATION_TYPE_DOMESTIC_NGO, "BY");
        String mp1 = approve(apply(parliament, election, person("KZ1", "KZ")).getAccreditationId())
                .getAccreditationId();
        approve(apply(parliament, election, person("KZ2", "KZ")).getAccreditationId());
        String local = approve(apply(ngo, election, person("BY1", "BY")).getAccreditationId()).getAccreditationId();
        apply(ngo, election, person("BY2", "BY"));
        AccreditationTest.revoke(approve(apply(ngo, election, person("BY3", "BY")).getAccreditationId())
                .getAccreditationId(), "breach");
        DeploymentTest.assign(mp1, "S1");
        DeploymentTest.assign(local, "S1");
        DeploymentTest.assign(local, "S3");
        openPolls(election);
        observer().fileReport(ReportTest.arrival(mp1, "S1").addIncidents(ReportTest.incident(null)).build());
        observer().fileReport(ReportTest.arrival(local, "S1").build());
        observer().fileReport(ReportTest.arrival(local, "S3").addIncidents(ReportTest.incident(null))
                .addIncidents(ReportTest.incident(null).toBuilder()
                        .setCategory(IncidentCategory.INCIDENT_CATEGORY_BALLOT_STUFFING)
                        .setSeverity(IncidentSeverity.INCIDENT_SEVERITY_HIGH)).build());

        Statistics s = statistics(election);

        assertThat(s.getObserversAccredited()).isEqualTo(3);
        assertThat(s.getByOrganisationList()).extracting(OrganisationCount::getOrganisationId,
                OrganisationCount::getObservers).containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(parliament, 2L),
                        org.assertj.core.groups.Tuple.tuple(ngo, 1L));
        assertThat(s.getByOrganisationList()).extracting(OrganisationCount::getOrganisationId).isSorted();
        assertThat(s.getByCitizenshipList()).extracting(CountryCount::getCountry, CountryCount::getObservers)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BY", 1L),
                        org.assertj.core.groups.Tuple.tuple("KZ", 2L));
        assertThat(s.getByOrganisationTypeList()).hasSize(5);
        assertThat(s.getByOrganisationTypeList()).filteredOn(t -> t.getObservers() > 0)
                .extracting(OrganisationTypeCount::getType, OrganisationTypeCount::getObservers).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(OrganisationType.ORGANISATION_TYPE_FOREIGN_PARLIAMENT, 2L),
                        org.assertj.core.groups.Tuple.tuple(OrganisationType.ORGANISATION_TYPE_DOMESTIC_NGO, 1L));
        assertThat(s.getStationsTotal()).isEqualTo(3);
        assertThat(s.getStationsAssigned()).isEqualTo(2);
        assertThat(s.getStationsCovered()).isEqualTo(2);
        assertThat(s.getCoverage().getPercent()).isEqualTo("66.67");
        assertThat(s.getCoverage().getNumerator()).isEqualTo(2);
        assertThat(s.getCoverage().getDenominator()).isEqualTo(3);
        assertThat(s.getReports()).isEqualTo(3);
        assertThat(s.getIncidents()).isEqualTo(3);
        assertThat(s.getIncidentsByCategoryList()).hasSize(12);
        assertThat(s.getIncidentsByCategoryList()).filteredOn(c -> c.getIncidents() > 0)
                .extracting(IncidentCategoryCount::getCategory, IncidentCategoryCount::getIncidents).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(IncidentCategory.INCIDENT_CATEGORY_BALLOT_STUFFING, 1L),
                        org.assertj.core.groups.Tuple.tuple(IncidentCategory.INCIDENT_CATEGORY_PROTOCOL, 2L));
        assertThat(s.getByDistrictList()).extracting(DistrictCount::getDistrictCode,
                DistrictCount::getStationsCovered, DistrictCount::getIncidents).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("D1", 1L, 1L),
                        org.assertj.core.groups.Tuple.tuple("D2", 1L, 2L));
        assertThat(s.getByStationList()).extracting(StationCount::getStationCode, StationCount::getReports,
                StationCount::getIncidents).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("S1", 2L, 1L),
                        org.assertj.core.groups.Tuple.tuple("S3", 1L, 2L));
        assertThat(s.getByStationList()).as("S2 has no report").extracting(StationCount::getStationCode)
                .doesNotContain("S2");
        assertThat(s.hasAsOfTime()).isTrue();
    }

    @Test
    void electionWithoutObserversHasZeros() {
        Statistics s = statistics(newElection());

        assertThat(s.getObserversAccredited()).isZero();
        assertThat(s.getStationsTotal()).isEqualTo(3);
        assertThat(s.getCoverage().getPercent()).isEqualTo("0.00");
        assertThat(s.getByDistrictList()).isEmpty();
        assertThat(s.getByStationList()).isEmpty();
    }

    @Test
    void electionUnknownToTheRegistryIsNotFound() {
        failure(Status.Code.NOT_FOUND, () -> statistics(unique("nowhere")));
    }

    @Test
    void badElectionIdIsInvalid() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> statistics("Bad Id"));

        assertThat(violatedFields(e)).containsExactly("election_id");
    }

    private static Statistics statistics(String election) {
        return observer().getStatistics(GetStatisticsRequest.newBuilder().setElectionId(election).build())
                .getStatistics();
    }
}
