package io.electa.tally;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.fieldViolations;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.BadRequest;
import io.electa.tally.v1.GetProtocolRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.SubmitProtocolResponse;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProtocolSubmissionTest extends TallyTestSupport {

    @Test
    void aProtocolThatHoldsEveryRelationAndMatchesTheRegistryIsAcceptedAndCounts() {
        Scenario s = Scenario.frozen(1, 2);
        tally().defineCandidates(candidates(s.electionId));
        s.openPolls().mark("D1-S1", 5).closePolls();

        Protocol p = submit(s.electionId, "D1-S1", figures(11, 5, 3, 1, 4, 2, 1));

        assertThat(p.getStatus()).isEqualTo(ProtocolStatus.PROTOCOL_STATUS_ACCEPTED);
        assertThat(p.getVersion()).isEqualTo(1);
        assertThat(p.getDistrictCode()).isEqualTo("D1");
        assertThat(p.getFindingsList()).isEmpty();
        assertThat(p.getLedgerSequence()).isEqualTo(2);
        assertThat(nation(s.electionId).getCandidatesList()).extracting(c -> c.getVotes()).containsExactly(4L, 2L, 1L);
        assertThat(nation(s.electionId).getStationsReported()).isEqualTo(1);
    }

    @Test
    void everyBrokenControlRelationIsNamedAndNothingIsStored() {
        Scenario s = counting(1, 1);
        ProtocolFigures broken = earlyOnly(11, 1, 4, 2, 1).toBuilder()
                .setBallotsReceived(1)             // CR1
                .setBallotsFoundStationary(50)     // CR2 and CR3
                .setBallotsValid(6)                // CR4 (votes add up to 7)
                .setVotersRegistered(3)            // CR5
                .build();

        var e = failure(Status.Code.INVALID_ARGUMENT, () -> submit(s.electionId, "D1-S1", broken));

        assertThat(fieldViolations(e)).extracting(v -> v.getDescription().substring(0, 3))
                .containsExactlyInAnyOrder("CR1", "CR2", "CR3", "CR4", "CR5");
        assertThat(fieldViolations(e)).extracting(BadRequest.FieldViolation::getField)
                .contains("figures.ballots_received", "figures.candidate_votes");
        failure(Status.Code.NOT_FOUND, () -> tally().getProtocol(GetProtocolRequest.newBuilder()
                .setElectionId(s.electionId).setStationCode("D1-S1").build()));
    }

    @Test
    void negativeFiguresAndAWrongCandidateListAreRefused() {
        Scenario s = counting(1, 1);
        ProtocolFigures f = earlyOnly(11, 0, 4, 2, 1).toBuilder()
                .setBallotsCancelled(-7)
                .removeCandidateVotes(2)
                .addCandidateVotes(io.electa.tally.v1.CandidateVotes.newBuilder().setCandidateCode("NOBODY")
                        .setVotes(1))
                .build();

        var e = failure(Status.Code.INVALID_ARGUMENT, () -> submit(s.electionId, "D1-S1", f));

        assertThat(fieldViolations(e)).anySatisfy(v -> assertThat(v.getDescription()).startsWith("CR6:"));
        var fixedSign = f.toBuilder().setBallotsCancelled(7).build();
        var e2 = failure(Status.Code.INVALID_ARGUMENT, () -> submit(s.electionId, "D1-S1", fixedSign));
        assertThat(fieldViolations(e2)).anySatisfy(v -> assertThat(v.getDescription())
                .startsWith("CR7:").contains("missing SIDOROV").contains("unknown NOBODY"));
    }

    @Test
    void aMismatchWithTheRegistryQuarantinesTheProtocolWithItsReasons() {
        Scenario s = Scenario.frozen(1, 1);
        tally().defineCandidates(candidates(s.electionId));
        s.openPolls().mark("D1-S1", 2).closePolls();

        Protocol p = submit(s.electionId, "D1-S1", figures(12, 4, 0, 0, 2, 1, 1));

        assertThat(p.getStatus()).isEqualTo(ProtocolStatus.PROTOCOL_STATUS_QUARANTINED);
        assertThat(p.getFindingsList()).extracting(f -> f.getRelationId()).containsExactly("XC1", "XC2");
        assertThat(p.getFindings(0).getRegistryValue()).isEqualTo(11);
        assertThat(p.getFindings(1).getProtocolValue()).isEqualTo(4);
        assertThat(p.getFindings(1).getRegistryValue()).isEqualTo(2);
        assertThat(nation(s.electionId).getStationsReported()).isZero();
    }

    @Test
    void aSecondSubmissionForTheStationIsAlreadyExistsAndNamesTheProtocol() {
        Scenario s = counting(1, 1);
        Protocol first = submit(s.electionId, "D1-S1", earlyOnly(11, 0, 1, 1, 1));

        var e = failure(Status.Code.ALREADY_EXISTS, () -> submit(s.electionId, "D1-S1", earlyOnly(11, 0, 2, 1, 0)));

        assertThat(errorInfo(e).getMetadataMap()).containsEntry("protocol_id", first.getProtocolId());
    }

    @Test
    void unknownStationIsNotFoundAndUnknownElectionIsNotFound() {
        Scenario s = counting(1, 1);
        failure(Status.Code.NOT_FOUND, () -> submit(s.electionId, "NOPE", earlyOnly(11, 0, 1, 1, 1)));
        failure(Status.Code.NOT_FOUND, () -> submit("no-such-election", "D1-S1", earlyOnly(11, 0, 1, 1, 1)));
    }

    @Test
    void protocolsWaitForThePollsAndForTheCandidates() {
        Scenario s = Scenario.frozen(1, 1);
        tally().defineCandidates(candidates(s.electionId));
        var e = failure(Status.Code.FAILED_PRECONDITION, () -> submit(s.electionId, "D1-S1", earlyOnly(11, 0, 1, 1, 1)));
        assertThat(errorInfo(e).getReason()).isEqualTo("POLLS_NOT_OPEN");

        Scenario bare = Scenario.polling(1, 1);
        var e2 = failure(Status.Code.FAILED_PRECONDITION,
                () -> submit(bare.electionId, "D1-S1", earlyOnly(11, 0, 1, 1, 1)));
        assertThat(errorInfo(e2).getReason()).isEqualTo("NO_CANDIDATES");
    }

    @Test
    void malformedRequestsListEveryBadField() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> tally().submitProtocol(SubmitProtocolRequest.newBuilder()
                .setElectionId("Bad Id!").setStationCode("bad code").setRequestId("").build()));
        assertThat(fieldViolations(e)).extracting(BadRequest.FieldViolation::getField)
                .containsExactlyInAnyOrder("election_id", "station_code", "request_id", "figures");
    }

    @Test
    void aRetryWithTheSameRequestIdGetsTheSameProtocolAndReuseForAnotherRequestIsRefused() {
        Scenario s = counting(1, 1);
        SubmitProtocolRequest request = SubmitProtocolRequest.newBuilder().setElectionId(s.electionId)
                .setStationCode("D1-S1").setFigures(earlyOnly(11, 0, 1, 1, 1)).setRequestId(requestId()).build();

        List<CompletableFuture<SubmitProtocolResponse>> twins = IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> tally().submitProtocol(request)))
                .toList();

        assertThat(twins.stream().map(CompletableFuture::join).map(r -> r.getProtocol().getProtocolId()).distinct())
                .hasSize(1);
        assertThat(tally().getProtocol(GetProtocolRequest.newBuilder().setElectionId(s.electionId)
                .setStationCode("D1-S1").build()).getVersionsCount()).isEqualTo(1);
        assertThat(nation(s.electionId).getBallotsValid()).isEqualTo(3);
        failure(Status.Code.INVALID_ARGUMENT, () -> tally().submitProtocol(request.toBuilder()
                .setFigures(earlyOnly(11, 0, 2, 1, 1)).build()));
    }
}
