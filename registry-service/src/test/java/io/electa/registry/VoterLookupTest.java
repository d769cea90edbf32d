package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.FindPollingStationRequest;
import io.electa.registry.v1.FindPollingStationResponse;
import io.electa.registry.v1.GetVoterRequest;
import io.electa.registry.v1.StreamStationRollRequest;
import io.electa.registry.v1.Voter;
import io.electa.roll.NationalId;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class VoterLookupTest extends RegistryTestSupport {

    @Test
    void registrarReadsAVotersEntry() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(42, "S2")));

        Voter voter = registry().getVoter(GetVoterRequest.newBuilder()
                .setElectionId(election).setNationalId(NationalId.of(42)).build()).getVoter();

        assertThat(voter.getStationCode()).isEqualTo("S2");
        assertThat(voter.getDateOfBirth()).isEqualTo(voter(42, "S2").getDateOfBirth());
    }

    @Test
    void malformedNationalIdIsInvalid() {
        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> registry().getVoter(
                GetVoterRequest.newBuilder().setElectionId("e1").setNationalId("12345").build()));

        assertThat(violatedFields(e)).containsExactly("national_id");
    }

    @Test
    void publicLookupAnswersTheStationAndNoPersonalData() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(42, "S2")));

        FindPollingStationResponse answer = registry().findPollingStation(FindPollingStationRequest.newBuilder()
                .setElectionId(election).setNationalId(NationalId.of(42))
                .setDateOfBirth(voter(42, "S2").getDateOfBirth()).build());

        assertThat(answer.getStation().getStationCode()).isEqualTo("S2");
        assertThat(answer.getAbsentee()).isFalse();
        assertThat(answer.toString()).doesNotContain("Given42");
    }

    @Test
    void wrongBirthDateAndUnknownIdAnswerTheSame() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(42, "S2")));

        StatusRuntimeException wrongBirth = failure(Status.Code.NOT_FOUND, () -> registry().findPollingStation(
                FindPollingStationRequest.newBuilder().setElectionId(election).setNationalId(NationalId.of(42))
                        .setDateOfBirth(date(1950, 1, 1)).build()));
        StatusRuntimeException unknown = failure(Status.Code.NOT_FOUND, () -> registry().findPollingStation(
                FindPollingStationRequest.newBuilder().setElectionId(election).setNationalId(NationalId.of(43))
                        .setDateOfBirth(date(1950, 1, 1)).build()));

        assertThat(wrongBirth.getStatus().getDescription()).isEqualTo(unknown.getStatus().getDescription());
    }

    @Test
    void stationRollIsStreamedInNameOrder() {
        String election = electionWithStations();
        importVoters(election, List.of(
                voter(1, "S1").toBuilder().setFamilyName("Zeta").build(),
                voter(2, "S1").toBuilder().setFamilyName("Alpha").setGivenName("Bob").build(),
                voter(3, "S1").toBuilder().setFamilyName("Alpha").setGivenName("Anna").build(),
                voter(4, "S2")));

        List<String> names = new ArrayList<>();
        registry().streamStationRoll(StreamStationRollRequest.newBuilder()
                        .setElectionId(election).setStationCode("S1").build())
                .forEachRemaining(r -> names.add(r.getVoter().getFamilyName() + " " + r.getVoter().getGivenName()));

        assertThat(names).containsExactly("Alpha Anna", "Alpha Bob", "Zeta Given1");
    }

    @Test
    void rollOfUnknownStationIsNotFound() {
        String election = electionWithStations();

        failure(Status.Code.NOT_FOUND, () -> registry().streamStationRoll(StreamStationRollRequest.newBuilder()
                .setElectionId(election).setStationCode("S404").build()).hasNext());
    }
}
