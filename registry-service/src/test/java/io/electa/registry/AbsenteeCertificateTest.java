package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.AbsenteeCertificate;
import io.electa.registry.v1.CancelAbsenteeCertificateRequest;
import io.electa.registry.v1.CertificateStatus;
import io.electa.registry.v1.FindPollingStationRequest;
import io.electa.registry.v1.IssueAbsenteeCertificateRequest;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.roll.NationalId;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AbsenteeCertificateTest extends RegistryTestSupport {

    @Test
    void certificateNamesHomeAndAbsenteeStation() {
        String election = electionWithVoter();

        AbsenteeCertificate certificate = issue(election, "S3");

        assertThat(certificate.getHomeStationCode()).isEqualTo("S1");
        assertThat(certificate.getStationCode()).isEqualTo("S3");
        assertThat(certificate.getStatus()).isEqualTo(CertificateStatus.CERTIFICATE_STATUS_ACTIVE);
        var place = registry().findPollingStation(FindPollingStationRequest.newBuilder().setElectionId(election)
                .setNationalId(NationalId.of(1)).setDateOfBirth(voter(1, "S1").getDateOfBirth()).build());
        assertThat(place.getStation().getStationCode()).isEqualTo("S3");
        assertThat(place.getAbsentee()).isTrue();
    }

    @Test
    void secondActiveCertificateIsAlreadyExists() {
        String election = electionWithVoter();
        AbsenteeCertificate first = issue(election, "S3");

        StatusRuntimeException e = failure(Status.Code.ALREADY_EXISTS, () -> issue(election, "S2"));

        assertThat(errorInfo(e).getMetadataMap()).containsEntry("certificate_id", first.getCertificateId());
    }

    @Test
    void certificateForOwnStationIsRefused() {
        String election = electionWithVoter();

        failure(Status.Code.FAILED_PRECONDITION, () -> issue(election, "S1"));
    }

    @Test
    void certificateForUnknownVoterOrStationIsNotFound() {
        String election = electionWithVoter();

        failure(Status.Code.NOT_FOUND, () -> registry().issueAbsenteeCertificate(IssueAbsenteeCertificateRequest
                .newBuilder().setElectionId(election).setNationalId(NationalId.of(99)).setStationCode("S2")
                .setRequestId(requestId()).build()));
        failure(Status.Code.NOT_FOUND, () -> issue(election, "S404"));
    }

    @Test
    void cancelledCertificateAllowsANewOne() {
        String election = electionWithVoter();
        AbsenteeCertificate first = issue(election, "S3");

        AbsenteeCertificate cancelled = cancel(election, first.getCertificateId());
        AbsenteeCertificate second = issue(election, "S2");

        assertThat(cancelled.getStatus()).isEqualTo(CertificateStatus.CERTIFICATE_STATUS_CANCELLED);
        assertThat(cancelled.getCancelReason()).isEqualTo("voter stays home");
        assertThat(second.getStationCode()).isEqualTo("S2");
        failure(Status.Code.FAILED_PRECONDITION, () -> cancel(election, first.getCertificateId()));
    }

    @Test
    void cancellingNeedsAReasonAndAValidId() {
        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> registry().cancelAbsenteeCertificate(
                CancelAbsenteeCertificateRequest.newBuilder().setElectionId("e1").setCertificateId("nope")
                        .setRequestId(requestId()).build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("certificate_id", "reason");
    }

    @Test
    void certificatesCannotChangeOncePollsOpen() {
        String election = electionWithVoter();
        freezeRoll(election);
        openPolls(election);

        failure(Status.Code.FAILED_PRECONDITION, () -> issue(election, "S3"));
    }

    @Test
    void holderVotesAtTheCertificateStationOnly() {
        String election = electionWithVoter();
        issue(election, "S3");
        freezeRoll(election);
        openPolls(election);

        StatusRuntimeException atHome = failure(Status.Code.FAILED_PRECONDITION, () -> mark(election, "S1"));
        var mark = registry().markVoted(markRequest(election, "S3")).getMark();

        assertThat(atHome.getStatus().getDescription()).contains("S3");
        assertThat(mark.getAbsentee()).isTrue();
        assertThat(mark.getStationCode()).isEqualTo("S3");
    }

    private static String electionWithVoter() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(1, "S1")));
        return election;
    }

    private static AbsenteeCertificate issue(String election, String station) {
        return registry().issueAbsenteeCertificate(IssueAbsenteeCertificateRequest.newBuilder()
                .setElectionId(election).setNationalId(NationalId.of(1)).setStationCode(station)
                .setRequestId(requestId()).build()).getCertificate();
    }

    private static AbsenteeCertificate cancel(String election, String certificateId) {
        return registry().cancelAbsenteeCertificate(CancelAbsenteeCertificateRequest.newBuilder()
                .setElectionId(election).setCertificateId(certificateId).setReason("voter stays home")
                .setRequestId(requestId()).build()).getCertificate();
    }

    private static void mark(String election, String station) {
        registry().markVoted(markRequest(election, station));
    }

    private static MarkVotedRequest markRequest(String election, String station) {
        return MarkVotedRequest.newBuilder().setElectionId(election).setNationalId(NationalId.of(1))
                .setStationCode(station).setRequestId(requestId()).build();
    }
}
