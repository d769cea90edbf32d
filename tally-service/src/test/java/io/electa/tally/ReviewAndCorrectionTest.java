package io.electa.tally;

import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.tally.v1.AcceptProtocolRequest;
import io.electa.tally.v1.CorrectProtocolRequest;
import io.electa.tally.v1.GetProtocolRequest;
import io.electa.tally.v1.GetProtocolResponse;
import io.electa.tally.v1.ListProtocolsRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.RejectProtocolRequest;
import io.electa.tally.v1.ReviewDecision;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ReviewAndCorrectionTest extends TallyTestSupport {

    @Test
    void aSupervisorAcceptsAQuarantinedProtocolWithAJustificationAndItCountsFromThen() {
        Scenario s = counting(1, 1);
        Protocol quarantined = submit(s.electionId, "D1-S1", earlyOnly(99, 1, 3, 2, 1));
        assertThat(nation(s.electionId).getBallotsValid()).isZero();

        Protocol accepted = accept(s.electionId, quarantined.getProtocolId(), "roll of 99 confirmed by the district");

        assertThat(accepted.getStatus()).isEqualTo(ProtocolStatus.PROTOCOL_STATUS_ACCEPTED);
        assertThat(accepted.getReviewsList()).singleElement().satisfies(r -> {
            assertThat(r.getDecision()).isEqualTo(ReviewDecision.REVIEW_DECISION_ACCEPTED);
            assertThat(r.getText()).isEqualTo("roll of 99 confirmed by the district");
        });
        assertThat(nation(s.electionId).getBallotsValid()).isEqualTo(6);
        assertThat(nation(s.electionId).getVotersRegistered()).isEqualTo(99);
    }

    @Test
    void acceptingNeedsAJustificationAndAQuarantinedVersion() {
        Scenario s = counting(1, 1);
        Protocol accepted = submit(s.electionId, "D1-S1", earlyOnly(11, 0, 3, 2, 1));

        var e = failure(Status.Code.INVALID_ARGUMENT, () -> tally().acceptProtocol(AcceptProtocolRequest.newBuilder()
                .setElectionId(s.electionId).setProtocolId(accepted.getProtocolId()).setRequestId(requestId())
                .build()));
        assertThat(violatedFields(e)).containsExactly("justification");
        failure(Status.Code.FAILED_PRECONDITION, () -> accept(s.electionId, accepted.getProtocolId(), "why not"));
        failure(Status.Code.NOT_FOUND, () -> accept(s.electionId, "123e4567-e89b-12d3-a456-426614174000", "x"));
    }

    @Test
    void aRejectedProtocolStopsCountingAndTheStationSubmitsAgain() {
        Scenario s = counting(1, 2);
        submit(s.electionId, "D1-S2", earlyOnly(12, 0, 1, 1, 1));
        Protocol first = submit(s.electionId, "D1-S1", earlyOnly(11, 0, 5, 0, 0));
        assertThat(nation(s.electionId).getCandidates(0).getVotes()).isEqualTo(6);

        Protocol rejected = reject(s.electionId, first.getProtocolId(), "signatures missing");

        assertThat(rejected.getStatus()).isEqualTo(ProtocolStatus.PROTOCOL_STATUS_REJECTED);
        assertThat(nation(s.electionId).getCandidates(0).getVotes()).isEqualTo(1);
        failure(Status.Code.FAILED_PRECONDITION, () -> reject(s.electionId, first.getProtocolId(), "again"));
        failure(Status.Code.FAILED_PRECONDITION, () -> tally().correctProtocol(correction(s.electionId,
                first.getProtocolId(), earlyOnly(11, 0, 4, 1, 0), "fix")));

        Protocol second = submit(s.electionId, "D1-S1", earlyOnly(11, 0, 4, 1, 0));

        assertThat(second.getVersion()).isEqualTo(2);
        assertThat(second.getSupersedesProtocolId()).isEmpty();
        assertThat(nation(s.electionId).getCandidatesList()).extracting(c -> c.getVotes()).containsExactly(5L, 2L, 1L);
    }

    @Test
    void aCorrectionIsANewVersionAndTheTotalsMoveByTheDifference() {
        Scenario s = counting(2, 1);
        submit(s.electionId, "D2-S1", earlyOnly(12, 1, 2, 2, 2));
        Protocol v1 = submit(s.electionId, "D1-S1", earlyOnly(11, 0, 5, 3, 1));

        Protocol v2 = tally().correctProtocol(correction(s.electionId, v1.getProtocolId(),
                earlyOnly(11, 1, 4, 3, 1), "one ballot for Ivanov was invalid")).getProtocol();

        assertThat(v2.getVersion()).isEqualTo(2);
        assertThat(v2.getSupersedesProtocolId()).isEqualTo(v1.getProtocolId());
        assertThat(v2.getCorrectionReason()).isEqualTo("one ballot for Ivanov was invalid");
        assertThat(nation(s.electionId).getCandidatesList()).extracting(c -> c.getVotes()).containsExactly(6L, 5L, 3L);
        assertThat(nation(s.electionId).getBallotsInvalid()).isEqualTo(2);
        assertThat(district(s.electionId, "D1").getBallotsValid()).isEqualTo(8);
        assertThat(nation(s.electionId).getStationsReported()).isEqualTo(2);

        GetProtocolResponse history = tally().getProtocol(GetProtocolRequest.newBuilder()
                .setElectionId(s.electionId).setProtocolId(v1.getProtocolId()).build());
        assertThat(history.getVersionsList()).extracting(Protocol::getStatus).containsExactly(
                ProtocolStatus.PROTOCOL_STATUS_SUPERSEDED, ProtocolStatus.PROTOCOL_STATUS_ACCEPTED);
        assertThat(history.getVersions(0).getSupersededByProtocolId()).isEqualTo(v2.getProtocolId());
        assertThat(history.getVersions(0).getFigures().getCandidateVotes(0).getVotes()).as("never updated in place")
                .isEqualTo(5);
        assertThat(history.getCurrent().getProtocolId()).isEqualTo(v2.getProtocolId());
    }

    @Test
    void onlyTheCurrentVersionCanBeCorrectedAndAReasonIsRequired() {
        Scenario s = counting(1, 1);
        Protocol v1 = submit(s.electionId, "D1-S1", earlyOnly(11, 0, 1, 1, 1));
        tally().correctProtocol(correction(s.electionId, v1.getProtocolId(), earlyOnly(11, 0, 2, 1, 1), "recount"));

        var stale = failure(Status.Code.FAILED_PRECONDITION, () -> tally().correctProtocol(
                correction(s.electionId, v1.getProtocolId(), earlyOnly(11, 0, 3, 1, 1), "again")));
        assertThat(stale.getStatus().getDescription()).contains("not the current version");
        var noReason = failure(Status.Code.INVALID_ARGUMENT, () -> tally().correctProtocol(
                correction(s.electionId, v1.getProtocolId(), earlyOnly(11, 0, 3, 1, 1), "")));
        assertThat(violatedFields(noReason)).containsExactly("reason");
    }

    @Test
    void aCorrectionThatBreaksTheRegistryChecksIsQuarantinedAndTheOldFiguresStopCounting() {
        Scenario s = counting(1, 1);
        Protocol v1 = submit(s.electionId, "D1-S1", earlyOnly(11, 0, 4, 0, 0));

        Protocol v2 = tally().correctProtocol(correction(s.electionId, v1.getProtocolId(),
                earlyOnly(10, 0, 4, 0, 0), "typo in the list size")).getProtocol();

        assertThat(v2.getStatus()).isEqualTo(ProtocolStatus.PROTOCOL_STATUS_QUARANTINED);
        assertThat(nation(s.electionId).getStationsReported()).isZero();
        assertThat(nation(s.electionId).getBallotsValid()).isZero();
    }

    @Test
    void protocolsAreListedByStatusAndDistrictPageByPage() {
        Scenario s = counting(2, 2);
        submit(s.electionId, "D1-S1", earlyOnly(11, 0, 1, 0, 0));
        submit(s.electionId, "D1-S2", earlyOnly(99, 0, 1, 0, 0));
        submit(s.electionId, "D2-S1", earlyOnly(13, 0, 1, 0, 0));
        submit(s.electionId, "D2-S2", earlyOnly(99, 0, 1, 0, 0));

        var quarantined = tally().listProtocols(ListProtocolsRequest.newBuilder().setElectionId(s.electionId)
                .addStatuses(ProtocolStatus.PROTOCOL_STATUS_QUARANTINED).build());
        assertThat(quarantined.getProtocolsList()).extracting(Protocol::getStationCode)
                .containsExactly("D1-S2", "D2-S2");
        var d2 = tally().listProtocols(ListProtocolsRequest.newBuilder().setElectionId(s.electionId)
                .setDistrictCode("D2").setPageSize(1).build());
        assertThat(d2.getProtocolsList()).extracting(Protocol::getStationCode).containsExactly("D2-S1");
        var next = tally().listProtocols(ListProtocolsRequest.newBuilder().setElectionId(s.electionId)
                .setDistrictCode("D2").setPageSize(1).setPageToken(d2.getNextPageToken()).build());
        assertThat(next.getProtocolsList()).extracting(Protocol::getStationCode).containsExactly("D2-S2");
        assertThat(next.getNextPageToken()).isEmpty();
        failure(Status.Code.INVALID_ARGUMENT, () -> tally().listProtocols(ListProtocolsRequest.newBuilder()
                .setElectionId(s.electionId).setPageToken("garbage!").build()));
    }

    private static Protocol accept(String electionId, String protocolId, String justification) {
        return tally().acceptProtocol(AcceptProtocolRequest.newBuilder().setElectionId(electionId)
                .setProtocolId(protocolId).setJustification(justification).setRequestId(requestId()).build())
                .getProtocol();
    }

    private static Protocol reject(String electionId, String protocolId, String reason) {
        return tally().rejectProtocol(RejectProtocolRequest.newBuilder().setElectionId(electionId)
                .setProtocolId(protocolId).setReason(reason).setRequestId(requestId()).build()).getProtocol();
    }

    private static CorrectProtocolRequest correction(String electionId, String supersedes, ProtocolFigures figures,
            String reason) {
        return CorrectProtocolRequest.newBuilder().setElectionId(electionId).setSupersedesProtocolId(supersedes)
                .setFigures(figures).setReason(reason).setRequestId(requestId()).build();
    }
}
