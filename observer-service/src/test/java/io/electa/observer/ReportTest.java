package io.electa.observer;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.observer.v1.Answer;
import io.electa.observer.v1.ChecklistAnswer;
import io.electa.observer.v1.FileReportRequest;
import io.electa.observer.v1.IncidentCategory;
import io.electa.observer.v1.IncidentEntry;
import io.electa.observer.v1.IncidentSeverity;
import io.electa.observer.v1.ListReportsRequest;
import io.electa.observer.v1.ListReportsResponse;
import io.electa.observer.v1.Report;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Reports, against the real registry (election status, stations) and the real tally (cited
 * protocols).
 */
@QuarkusTest
class ReportTest extends ObserverTestSupport {
    private static final Instant ARRIVAL = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);

    @Test
    void approvedObserverFilesAReportDuringPolling() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();
        DeploymentTest.assign(id, "S1");
        openPolls(election);

        Report report = observer().fileReport(fullReport(id, "S1").build()).getReport();

        assertThat(report.getStationCode()).isEqualTo("S1");
        assertThat(report.getDistrictCode()).isEqualTo("D1");
        assertThat(report.getAssigned()).isTrue();
        assertThat(report.getArrivalTime().getSeconds()).isEqualTo(ARRIVAL.getEpochSecond());
        assertThat(report.getDepartureTime().getSeconds()).isEqualTo(ARRIVAL.plusSeconds(3600).getEpochSecond());
        assertThat(report.getAnswersList()).extracting(ChecklistAnswer::getQuestionId)
                .containsExactly("opening.1", "secrecy.2");
        assertThat(report.getIncidentsList()).hasSize(1);
        assertThat(report.getIncidents(0).getCategory()).isEqualTo(IncidentCategory.INCIDENT_CATEGORY_CAMPAIGNING);
        assertThat(report.getIncidents(0).getIncidentId()).isNotEmpty();
    }

    @Test
    void reportFromAnUnassignedStationIsAcceptedAndMarkedSo() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);

        Report report = observer().fileReport(arrival(id, "S3").build()).getReport();

        assertThat(report.getAssigned()).isFalse();
        assertThat(report.getDistrictCode()).isEqualTo("D2");
    }

    @Test
    void reportsAreAcceptedDuringCountingAfterThePollsClose() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);
        closePolls(election);

        assertThat(observer().fileReport(arrival(id, "S1").build()).getReport().getReportId()).isNotEmpty();
    }

    @Test
    void reportBeforeThePollsOpenIsFailedPrecondition() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();

        var e = failure(Status.Code.FAILED_PRECONDITION, () -> observer().fileReport(arrival(id, "S1").build()));

        assertThat(errorInfo(e).getReason()).isEqualTo("POLLS_NOT_OPEN");
    }

    @Test
    void onlyApprovedObserversMayReport() {
        String election = newElection();
        String org = newOrganisation();
        String pending = apply(org, election).getAccreditationId();
        String revoked = approved(org, election).getAccreditationId();
        AccreditationTest.revoke(revoked, "breach");
        openPolls(election);

        failure(Status.Code.FAILED_PRECONDITION, () -> observer().fileReport(arrival(pending, "S1").build()));
        failure(Status.Code.FAILED_PRECONDITION, () -> observer().fileReport(arrival(revoked, "S1").build()));
        failure(Status.Code.NOT_FOUND, () -> observer().fileReport(arrival(UUID.randomUUID().toString(), "S1")
                .build()));
        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election))).isEmpty();
    }

    @Test
    void unknownStationIsNotFound() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);

        failure(Status.Code.NOT_FOUND, () -> observer().fileReport(arrival(id, "S404").build()));
    }

    @Test
    void badTimesRepeatedQuestionsAndUnsetEnumsNameTheirFields() {
        Instant now = Instant.now();
        Instant future = now.plus(1, ChronoUnit.HOURS);
        var fields = failure(Status.Code.INVALID_ARGUMENT, () -> observer().fileReport(FileReportRequest.newBuilder()
                .setAccreditationId(UUID.randomUUID().toString())
                .setStationCode("S1")
                .setArrivalTime(timestamp(now))
                .addAnswers(ChecklistAnswer.newBuilder().setQuestionId("q1").setAnswer(Answer.ANSWER_YES))
                .addAnswers(ChecklistAnswer.newBuilder().setQuestionId("q2"))
                .addIncidents(IncidentEntry.newBuilder().setDescription("").setCitedProtocolId("not-a-uuid"))
                .setRequestId(requestId())
                .build()));
        var relations = failure(Status.Code.INVALID_ARGUMENT, () -> observer().fileReport(FileReportRequest.newBuilder()
                .setAccreditationId(UUID.randomUUID().toString())
                .setStationCode("S1")
                .setArrivalTime(timestamp(future))
                .setDepartureTime(timestamp(future.minusSeconds(7200)))
                .addAnswers(ChecklistAnswer.newBuilder().setQuestionId("q1").setAnswer(Answer.ANSWER_YES))
                .addAnswers(ChecklistAnswer.newBuilder().setQuestionId("q1").setAnswer(Answer.ANSWER_NO))
                .setRequestId(requestId())
                .build()));

        assertThat(violatedFields(fields)).containsExactlyInAnyOrder("answers[1].answer", "incidents[0].category",
                "incidents[0].severity", "incidents[0].description", "incidents[0].cited_protocol_id");
        assertThat(violatedFields(relations)).containsExactlyInAnyOrder("arrival_time", "departure_time",
                "answers[1].question_id");
    }

    @Test
    void arrivalIsRequired() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().fileReport(FileReportRequest.newBuilder()
                .setAccreditationId(UUID.randomUUID().toString()).setStationCode("S1").setRequestId(requestId())
                .build()));

        assertThat(violatedFields(e)).containsExactly("arrival_time");
    }

    @Test
    void incidentMayCiteAProtocolOfTheSameStation() {
        String election = newElection();
        defineCandidates(election);
        String id = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);
        String protocol = protocolOf(election, "S2");

        Report report = observer().fileReport(arrival(id, "S2").addIncidents(incident(protocol)).build()).getReport();

        assertThat(report.getIncidents(0).getCitedProtocolId()).isEqualTo(protocol);
    }

    @Test
    void citedProtocolOfAnotherStationIsInvalid() {
        String election = newElection();
        defineCandidates(election);
        String id = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);
        String protocol = protocolOf(election, "S3");

        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().fileReport(arrival(id, "S2")
                .addIncidents(incident(null)).addIncidents(incident(protocol)).build()));

        assertThat(violatedFields(e)).containsExactly("incidents[1].cited_protocol_id");
    }

    @Test
    void citedProtocolUnknownToTheTallyIsNotFound() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);

        failure(Status.Code.NOT_FOUND, () -> observer().fileReport(arrival(id, "S2")
                .addIncidents(incident(UUID.randomUUID().toString())).build()));
    }

    @Test
    void tallyUnavailableIsUnavailableAndNothingIsStored() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);

        RegistryResource.tally().stop();
        try {
            failure(Status.Code.UNAVAILABLE, () -> observer().fileReport(arrival(id, "S2")
                    .addIncidents(incident(UUID.randomUUID().toString())).build()));
        } finally {
            RegistryResource.tally().restart();
        }

        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election))).isEmpty();
    }

    @Test
    void retriedReportIsStoredOnce() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);
        FileReportRequest request = fullReport(id, "S1").build();

        Report first = observer().fileReport(request).getReport();
        Report again = observer().fileReport(request).getReport();

        assertThat(again).isEqualTo(first);
        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election))).containsExactly(first);
    }

    @Test
    void listFiltersBySeverityStationDistrictAndAccreditationAndPages() {
        String election = newElection();
        String org = newOrganisation();
        String a = approved(org, election).getAccreditationId();
        String b = approved(newOrganisation(), election).getAccreditationId();
        openPolls(election);
        Report quiet = observer().fileReport(arrival(a, "S1").build()).getReport();
        Report critical = observer().fileReport(arrival(a, "S3").addIncidents(incident(null).toBuilder()
                .setSeverity(IncidentSeverity.INCIDENT_SEVERITY_CRITICAL)).build()).getReport();
        Report low = observer().fileReport(arrival(b, "S2").addIncidents(incident(null)).build()).getReport();

        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election)))
                .containsExactly(quiet, critical, low);
        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election)
                .setMinSeverity(IncidentSeverity.INCIDENT_SEVERITY_HIGH))).containsExactly(critical);
        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election)
                .setMinSeverity(IncidentSeverity.INCIDENT_SEVERITY_LOW))).containsExactly(critical, low);
        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election).setDistrictCode("D1")))
                .containsExactly(quiet, low);
        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election).setStationCode("S3")))
                .containsExactly(critical);
        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election).setAccreditationId(b)))
                .containsExactly(low);
        assertThat(listAll(ListReportsRequest.newBuilder().setElectionId(election).setOrganisationId(org)))
                .containsExactly(quiet, critical);
    }

    @Test
    void badListRequestIsInvalid() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().listReports(ListReportsRequest.newBuilder()
                .setElectionId("E!").setAccreditationId("x").setStationCode("s").setMinSeverityValue(9)
                .setPageToken("bm9wZQ").build()));
        var token = failure(Status.Code.INVALID_ARGUMENT, () -> observer().listReports(ListReportsRequest.newBuilder()
                .setElectionId("e1").setPageToken("bm9wZQ").build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("election_id", "accreditation_id", "station_code",
                "min_severity");
        assertThat(violatedFields(token)).containsExactly("page_token");
    }

    static FileReportRequest.Builder arrival(String accreditationId, String station) {
        return FileReportRequest.newBuilder().setAccreditationId(accreditationId).setStationCode(station)
                .setArrivalTime(timestamp(ARRIVAL)).setRequestId(requestId());
    }

    private static FileReportRequest.Builder fullReport(String accreditationId, String station) {
        return arrival(accreditationId, station)
                .setDepartureTime(timestamp(ARRIVAL.plus(Duration.ofHours(1))))
                .addAnswers(ChecklistAnswer.newBuilder().setQuestionId("opening.1").setAnswer(Answer.ANSWER_YES))
                .addAnswers(ChecklistAnswer.newBuilder().setQuestionId("secrecy.2").setAnswer(Answer.ANSWER_NO)
                        .setComment("booths face the window"))
                .addIncidents(IncidentEntry.newBuilder().setCategory(IncidentCategory.INCIDENT_CATEGORY_CAMPAIGNING)
                        .setSeverity(IncidentSeverity.INCIDENT_SEVERITY_MEDIUM).setDescription("posters at the door")
                        .setOccurTime(timestamp(ARRIVAL.plusSeconds(600))));
    }

    static IncidentEntry incident(String citedProtocol) {
        IncidentEntry.Builder incident = IncidentEntry.newBuilder()
                .setCategory(IncidentCategory.INCIDENT_CATEGORY_PROTOCOL)
                .setSeverity(IncidentSeverity.INCIDENT_SEVERITY_LOW)
                .setDescription("protocol not posted");
        if (citedProtocol != null) {
            incident.setCitedProtocolId(citedProtocol);
        }
        return incident.build();
    }

    private static List<Report> listAll(ListReportsRequest.Builder request) {
        List<Report> reports = new ArrayList<>();
        String token = "";
        do {
            ListReportsResponse page = observer().listReports(request.setPageSize(2).setPageToken(token).build());
            reports.addAll(page.getReportsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return reports;
    }
}
