package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.CreateElectionResponse;
import io.electa.registry.v1.Election;
import io.electa.registry.v1.ElectionStatus;
import io.electa.registry.v1.GetElectionRequest;
import io.electa.registry.v1.ListElectionsRequest;
import io.electa.registry.v1.ListElectionsResponse;
import io.electa.registry.v1.OpenPollsRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ElectionTest extends RegistryTestSupport {

    @Test
    void createdElectionIsScheduledAndReadable() {
        String id = newElection();

        Election election = registry().getElection(GetElectionRequest.newBuilder().setElectionId(id).build())
                .getElection();

        assertThat(election.getElectionId()).isEqualTo(id);
        assertThat(election.getStatus()).isEqualTo(ElectionStatus.ELECTION_STATUS_SCHEDULED);
        assertThat(election.getElectionDay()).isEqualTo(ELECTION_DAY);
        assertThat(election.hasCreateTime()).isTrue();
        assertThat(election.hasRollFreezeTime()).isFalse();
    }

    @Test
    void invalidCreateNamesEveryBrokenField() {
        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> registry().createElection(
                CreateElectionRequest.newBuilder()
                        .setElectionId("Bad Id!")
                        .setName(" ")
                        .setElectionDay(date(2027, 2, 30))
                        .build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("election_id", "name", "election_day", "request_id");
    }

    @Test
    void secondElectionWithSameIdIsAlreadyExists() {
        String id = newElection();

        failure(Status.Code.ALREADY_EXISTS, () -> registry().createElection(create(id, requestId())));
    }

    @Test
    void retryWithSameRequestIdReturnsTheFirstAnswer() {
        String id = "retry-" + requestId().substring(0, 8);
        String requestId = requestId();

        CreateElectionResponse first = registry().createElection(create(id, requestId));
        CreateElectionResponse again = registry().createElection(create(id, requestId));

        assertThat(again).isEqualTo(first);
    }

    @Test
    void requestIdReusedForAnotherRequestIsInvalid() {
        String requestId = requestId();
        registry().createElection(create("reuse-" + requestId.substring(0, 8), requestId));

        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT,
                () -> registry().createElection(create("other-" + requestId.substring(0, 8), requestId)));

        assertThat(violatedFields(e)).containsExactly("request_id");
    }

    @Test
    void unknownElectionIsNotFound() {
        StatusRuntimeException e = failure(Status.Code.NOT_FOUND,
                () -> registry().getElection(GetElectionRequest.newBuilder().setElectionId("no-such-election").build()));

        assertThat(e.getStatus().getDescription()).contains("no-such-election");
    }

    @Test
    void listingPagesThroughEveryElectionInOrder() {
        List<String> created = List.of(newElection(), newElection(), newElection());
        List<String> listed = new ArrayList<>();
        String token = "";
        do {
            ListElectionsResponse page = registry().listElections(
                    ListElectionsRequest.newBuilder().setPageSize(2).setPageToken(token).build());
            assertThat(page.getElectionsCount()).isLessThanOrEqualTo(2);
            page.getElectionsList().forEach(e -> listed.add(e.getElectionId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertThat(listed).containsAll(created).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void badPageTokenAndSizeAreInvalid() {
        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> registry().listElections(
                ListElectionsRequest.newBuilder().setPageSize(5000).setPageToken("%%%").build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("page_size", "page_token");
    }

    @Test
    void lifecycleMovesOnlyForward() {
        String id = newElection();

        failure(Status.Code.FAILED_PRECONDITION, () -> openPolls(id));
        freezeRoll(id);
        failure(Status.Code.FAILED_PRECONDITION, () -> freezeRoll(id));
        failure(Status.Code.FAILED_PRECONDITION, () -> closePolls(id));
        openPolls(id);
        closePolls(id);
        failure(Status.Code.FAILED_PRECONDITION, () -> openPolls(id));

        Election election = registry().getElection(GetElectionRequest.newBuilder().setElectionId(id).build())
                .getElection();
        assertThat(election.getStatus()).isEqualTo(ElectionStatus.ELECTION_STATUS_CLOSED);
        assertThat(election.hasRollFreezeTime() && election.hasPollsOpenTime() && election.hasPollsCloseTime()).isTrue();
    }

    @Test
    void retriedTransitionAnswersLikeTheFirst() {
        String id = newElection();
        freezeRoll(id);
        OpenPollsRequest open = OpenPollsRequest.newBuilder().setElectionId(id).setRequestId(requestId()).build();

        var first = registry().openPolls(open);
        var again = registry().openPolls(open);

        assertThat(again).isEqualTo(first);
    }

    private static CreateElectionRequest create(String id, String requestId) {
        return CreateElectionRequest.newBuilder()
                .setElectionId(id)
                .setName("Election " + id)
                .setElectionDay(ELECTION_DAY)
                .setRequestId(requestId)
                .build();
    }
}
