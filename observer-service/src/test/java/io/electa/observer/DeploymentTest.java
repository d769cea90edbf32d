package io.electa.observer;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.observer.service.ServiceClock;
import io.electa.observer.v1.Accreditation;
import io.electa.observer.v1.AssignObserverRequest;
import io.electa.observer.v1.Assignment;
import io.electa.observer.v1.ListAssignmentsRequest;
import io.electa.observer.v1.ListAssignmentsResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Deployment against the real registry process (stations validated over gRPC). */
@QuarkusTest
class DeploymentTest extends ObserverTestSupport {

    @Test
    void approvedObserverIsAssignedWithTheStationsDistrict() {
        String election = newElection();
        Accreditation a = approved(newOrganisation(), election);

        Assignment assignment = assign(a.getAccreditationId(), "S3");

        assertThat(assignment.getStationCode()).isEqualTo("S3");
        assertThat(assignment.getDistrictCode()).isEqualTo("D2");
        assertThat(assignment.getElectionId()).isEqualTo(election);
        assertThat(assignment.getOrganisationId()).isEqualTo(a.getOrganisationId());
        assertThat(assignment.hasAssignTime()).isTrue();
    }

    @Test
    void observerMayBeAssignedToSeveralStationsButToEachOnce() {
        String id = approved(newOrganisation(), newElection()).getAccreditationId();
        Assignment first = assign(id, "S1");
        assign(id, "S2");

        var e = failure(Status.Code.ALREADY_EXISTS, () -> assign(id, "S1"));

        assertThat(errorInfo(e).getReason()).isEqualTo("ALREADY_ASSIGNED");
        assertThat(errorInfo(e).getMetadataMap()).containsEntry("assignment_id", first.getAssignmentId());
    }

    @Test
    void unknownStationIsNotFoundAndNothingIsStored() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();

        failure(Status.Code.NOT_FOUND, () -> assign(id, "S99"));

        assertThat(list(ListAssignmentsRequest.newBuilder().setElectionId(election)).getAssignmentsList()).isEmpty();
    }

    @Test
    void pendingRefusedAndRevokedObserversCannotBeAssigned() {
        String election = newElection();
        String org = newOrganisation();
        String pending = apply(org, election).getAccreditationId();
        String refused = apply(org, election).getAccreditationId();
        AccreditationTest.refuse(refused, "no");
        String revoked = approved(org, election).getAccreditationId();
        AccreditationTest.revoke(revoked, "breach");

        for (String id : List.of(pending, refused, revoked)) {
            var e = failure(Status.Code.FAILED_PRECONDITION, () -> assign(id, "S1"));
            assertThat(errorInfo(e).getReason()).isEqualTo("WRONG_ACCREDITATION_STATUS");
        }
    }

    @Test
    void expiredBadgeCannotBeAssigned() {
        String id = approved(newOrganisation(), newElection()).getAccreditationId();
        QuarkusMock.installMockForType(new ShiftedClock(Duration.between(Instant.now(),
                Instant.parse("2027-02-09T00:00:00Z"))), ServiceClock.class);

        var e = failure(Status.Code.FAILED_PRECONDITION, () -> assign(id, "S1"));

        assertThat(errorInfo(e).getReason()).isEqualTo("BADGE_EXPIRED");
    }

    @Test
    void badAssignmentRequestIsInvalidAndUnknownAccreditationNotFound() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().assignObserver(AssignObserverRequest
                .newBuilder().setAccreditationId("x").setStationCode("s1").build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("accreditation_id", "station_code", "request_id");
        failure(Status.Code.NOT_FOUND, () -> assign(UUID.randomUUID().toString(), "S1"));
    }

    @Test
    void whileTheRegistryIsDownAssignmentIsUnavailableAndARetryLaterStoresItOnce() {
        String election = newElection();
        String id = approved(newOrganisation(), election).getAccreditationId();
        AssignObserverRequest request = AssignObserverRequest.newBuilder().setAccreditationId(id)
                .setStationCode("S2").setRequestId(requestId()).build();

        RegistryResource.registry().stop();
        try {
            failure(Status.Code.UNAVAILABLE, () -> observer().assignObserver(request));
            assertThat(list(ListAssignmentsRequest.newBuilder().setElectionId(election)).getAssignmentsList())
                    .isEmpty();
        } finally {
            RegistryResource.registry().restart();
        }

        Assignment stored = retryUntilAvailable(request);
        Assignment again = observer().assignObserver(request).getAssignment();

        assertThat(again).isEqualTo(stored);
        assertThat(list(ListAssignmentsRequest.newBuilder().setElectionId(election)).getAssignmentsList())
                .containsExactly(stored);
    }

    @Test
    void listFiltersByAccreditationOrganisationDistrictAndStationAndPages() {
        String election = newElection();
        String org = newOrganisation();
        String other = newOrganisation();
        String a1 = approved(org, election).getAccreditationId();
        String a2 = approved(org, election).getAccreditationId();
        String b1 = approved(other, election).getAccreditationId();
        for (String station : List.of("S1", "S2", "S3")) {
            assign(a1, station);
            assign(a2, station);
        }
        assign(b1, "S3");

        assertThat(list(ListAssignmentsRequest.newBuilder().setElectionId(election).setAccreditationId(b1))
                .getAssignmentsList()).extracting(Assignment::getStationCode).containsExactly("S3");
        assertThat(list(ListAssignmentsRequest.newBuilder().setElectionId(election).setOrganisationId(org))
                .getAssignmentsCount()).isEqualTo(6);
        assertThat(list(ListAssignmentsRequest.newBuilder().setElectionId(election).setDistrictCode("D2"))
                .getAssignmentsCount()).isEqualTo(3);
        assertThat(list(ListAssignmentsRequest.newBuilder().setElectionId(election).setStationCode("S1"))
                .getAssignmentsCount()).isEqualTo(2);

        List<Assignment> paged = new ArrayList<>();
        String token = "";
        do {
            ListAssignmentsResponse page = list(ListAssignmentsRequest.newBuilder().setElectionId(election)
                    .setPageSize(2).setPageToken(token));
            paged.addAll(page.getAssignmentsList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        assertThat(paged).hasSize(7).doesNotHaveDuplicates();
        assertThat(paged).extracting(Assignment::getStationCode).isSorted();
    }

    private static Assignment retryUntilAvailable(AssignObserverRequest request) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return observer().assignObserver(request).getAssignment();
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || System.nanoTime() > deadline) {
                    throw e;
                }
                sleep();
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Assignment assign(String accreditationId, String station) {
        return observer().assignObserver(AssignObserverRequest.newBuilder().setAccreditationId(accreditationId)
                .setStationCode(station).setRequestId(requestId()).build()).getAssignment();
    }

    private static ListAssignmentsResponse list(ListAssignmentsRequest.Builder request) {
        return observer().listAssignments(request.build());
    }
}
