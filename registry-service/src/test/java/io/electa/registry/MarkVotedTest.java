package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.rpc.ErrorInfo;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.VoteMark;
import io.electa.roll.NationalId;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MarkVotedTest extends RegistryTestSupport {

    @Test
    void voterIsMarkedAtTheirStation() {
        String election = pollingElection();

        VoteMark mark = registry().markVoted(request(election, 1, "S1", requestId())).getMark();

        assertThat(mark.getNationalId()).isEqualTo(NationalId.of(1));
        assertThat(mark.getStationCode()).isEqualTo("S1");
        assertThat(mark.getAbsentee()).isFalse();
        assertThat(mark.hasMarkTime()).isTrue();
    }

    @Test
    void sameRequestIdAgainReturnsTheSameMark() {
        String election = pollingElection();
        MarkVotedRequest request = request(election, 1, "S1", requestId());

        VoteMark first = registry().markVoted(request).getMark();
        VoteMark again = registry().markVoted(request).getMark();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void secondMarkIsAlreadyExistsNamingWhereAndWhen() {
        String election = pollingElection();
        VoteMark first = registry().markVoted(request(election, 1, "S1", requestId())).getMark();

        StatusRuntimeException e = failure(Status.Code.ALREADY_EXISTS,
                () -> registry().markVoted(request(election, 1, "S1", requestId())));

        ErrorInfo info = errorInfo(e);
        assertThat(info.getReason()).isEqualTo("ALREADY_MARKED");
        assertThat(info.getMetadataMap()).containsEntry("station_code", "S1").containsKey("mark_time");
        assertThat(e.getStatus().getDescription()).contains("S1");
        assertThat(first.getStationCode()).isEqualTo("S1");
    }

    @Test
    void wrongStationWithoutCertificateIsFailedPrecondition() {
        String election = pollingElection();

        StatusRuntimeException e = failure(Status.Code.FAILED_PRECONDITION,
                () -> registry().markVoted(request(election, 1, "S2", requestId())));

        assertThat(errorInfo(e).getReason()).isEqualTo("WRONG_STATION");
    }

    @Test
    void markingOutsidePollingIsFailedPrecondition() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(1, "S1")));
        freezeRoll(election);

        failure(Status.Code.FAILED_PRECONDITION, () -> registry().markVoted(request(election, 1, "S1", requestId())));
        openPolls(election);
        closePolls(election);
        failure(Status.Code.FAILED_PRECONDITION, () -> registry().markVoted(request(election, 1, "S1", requestId())));
    }

    @Test
    void unknownVoterStationOrElectionIsNotFound() {
        String election = pollingElection();

        failure(Status.Code.NOT_FOUND, () -> registry().markVoted(request(election, 999, "S1", requestId())));
        failure(Status.Code.NOT_FOUND, () -> registry().markVoted(request(election, 1, "S404", requestId())));
        failure(Status.Code.NOT_FOUND, () -> registry().markVoted(request("no-such-election", 1, "S1", requestId())));
    }

    @Test
    void malformedRequestIsInvalidAndNamesEveryField() {
        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> registry().markVoted(
                MarkVotedRequest.newBuilder().setElectionId("E!").setNationalId("1").setStationCode("").build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("election_id", "national_id", "station_code",
                "request_id");
    }

    private static String pollingElection() {
        String election = electionWithStations();
        importVoters(election, IntStream.range(1, 10).mapToObj(n -> voter(n, "S1")).toList());
        freezeRoll(election);
        openPolls(election);
        return election;
    }

    static MarkVotedRequest request(String election, int voter, String station, String requestId) {
        return MarkVotedRequest.newBuilder().setElectionId(election).setNationalId(NationalId.of(voter))
                .setStationCode(station).setRequestId(requestId).build();
    }
}
