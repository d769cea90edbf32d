package io.electa.tally;

import static io.electa.testing.GrpcAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.client.auth.Grant;
import io.electa.common.v1.Role;
import io.electa.tally.v1.AcceptProtocolRequest;
import io.electa.tally.v1.CorrectProtocolRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.testing.TestTokens;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Decisions on a protocol are taken only within the decider's scope (the protocol's station or
 * district, which the tally finds from the protocol), and each records who took it.
 */
@QuarkusTest
class ProtocolScopeTest extends TallyTestSupport {

    @Test
    void aClerkCorrectsOnlyTheOwnStationsProtocolAndIsRecordedAsItsSubmitter() {
        Scenario s = counting(1, 2);
        Protocol own = tally().withCallCredentials(bearer("clerk-anna", Grant.clerkOf("D1-S1")))
                .submitProtocol(SubmitProtocolRequest.newBuilder().setElectionId(s.electionId)
                        .setStationCode("D1-S1").setFigures(earlyOnly(11, 0, 1, 1, 1)).setRequestId(requestId())
                        .build()).getProtocol();
        assertThat(own.getSubmittedBy()).isEqualTo("clerk-anna");

        var elsewhere = failure(Status.Code.PERMISSION_DENIED, () -> tally()
                .withCallCredentials(bearer("clerk-boris", Grant.clerkOf("D1-S2")))
                .correctProtocol(correction(s.electionId, own.getProtocolId())));
        assertThat(elsewhere.getStatus().getDescription()).contains("STATION_CLERK of station D1-S2");

        Protocol corrected = tally().withCallCredentials(bearer("clerk-anna", Grant.clerkOf("D1-S1")))
                .correctProtocol(correction(s.electionId, own.getProtocolId())).getProtocol();
        assertThat(corrected.getVersion()).isEqualTo(2);
        assertThat(corrected.getSubmittedBy()).isEqualTo("clerk-anna");
    }

    @Test
    void aDistrictSupervisorReviewsOnlyInTheOwnDistrict() {
        Scenario s = counting(2, 1);
        Protocol quarantined = submit(s.electionId, "D1-S1", earlyOnly(99, 1, 3, 2, 1));
        Grant otherDistrict = new Grant(Set.of(Role.TALLY_SUPERVISOR), null, "D2", null);
        Grant ownDistrict = new Grant(Set.of(Role.TALLY_SUPERVISOR), null, "D1", null);

        failure(Status.Code.PERMISSION_DENIED, () -> tally().withCallCredentials(bearer("vera", otherDistrict))
                .acceptProtocol(acceptance(s.electionId, quarantined.getProtocolId())));
        assertThat(nation(s.electionId).getBallotsValid()).as("a refused decision changes nothing").isZero();

        Protocol accepted = tally().withCallCredentials(bearer("dmitri", ownDistrict))
                .acceptProtocol(acceptance(s.electionId, quarantined.getProtocolId())).getProtocol();
        assertThat(accepted.getStatus()).isEqualTo(ProtocolStatus.PROTOCOL_STATUS_ACCEPTED);
        assertThat(accepted.getReviewsList()).singleElement()
                .satisfies(review -> assertThat(review.getReviewedBy()).isEqualTo("dmitri"));
    }

    private static io.grpc.CallCredentials bearer(String subject, Grant grant) {
        return TestTokens.bearer(TestTokens.token(subject, grant, Duration.ofMinutes(10)));
    }

    private static CorrectProtocolRequest correction(String electionId, String supersedes) {
        return CorrectProtocolRequest.newBuilder().setElectionId(electionId).setSupersedesProtocolId(supersedes)
                .setFigures(earlyOnly(11, 0, 2, 1, 0)).setReason("recount").setRequestId(requestId()).build();
    }

    private static AcceptProtocolRequest acceptance(String electionId, String protocolId) {
        return AcceptProtocolRequest.newBuilder().setElectionId(electionId).setProtocolId(protocolId)
                .setJustification("roll of 99 confirmed").setRequestId(requestId()).build();
    }
}
