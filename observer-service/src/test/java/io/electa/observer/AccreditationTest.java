package io.electa.observer;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.common.v1.Date;
import io.electa.observer.service.ServiceClock;
import io.electa.observer.v1.Accreditation;
import io.electa.observer.v1.AccreditationStatus;
import io.electa.observer.v1.ApplyForAccreditationRequest;
import io.electa.observer.v1.ApproveAccreditationRequest;
import io.electa.observer.v1.GetAccreditationRequest;
import io.electa.observer.v1.ListAccreditationsRequest;
import io.electa.observer.v1.ListAccreditationsResponse;
import io.electa.observer.v1.ObserverPerson;
import io.electa.observer.v1.RefuseAccreditationRequest;
import io.electa.observer.v1.RevokeAccreditationRequest;
import io.electa.observer.v1.SetQuotaRequest;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AccreditationTest extends ObserverTestSupport {
    /** Applications close at 00:00 UTC five days before 7 February 2027; badges end 9 February 00:00 UTC. */
    private static final Instant DEADLINE = Instant.parse("2027-02-02T00:00:00Z");
    private static final Instant VALID_UNTIL = Instant.parse("2027-02-09T00:00:00Z");

    @Test
    void applicationIsPendingWithTheNormalisedDocumentNumber() {
        String election = newElection();
        String org = newOrganisation();

        Accreditation a = apply(org, election, person("ab 123-456", "DE"));

        assertThat(a.getStatus()).isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_PENDING);
        assertThat(a.getObserver().getIdentityDocumentNumber()).isEqualTo("AB123456");
        assertThat(a.getCodeOfConductAccepted()).isTrue();
        assertThat(a.getBadgeNumber()).isEmpty();
        assertThat(a.hasValidUntil()).isFalse();
        assertThat(observer().getAccreditation(GetAccreditationRequest.newBuilder()
                .setAccreditationId(a.getAccreditationId()).build()).getAccreditation()).isEqualTo(a);
    }

    @Test
    void invalidApplicationNamesEveryBrokenField() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().applyForAccreditation(
                ApplyForAccreditationRequest.newBuilder()
                        .setOrganisationId("Not An Id")
                        .setElectionId("")
                        .setObserver(ObserverPerson.newBuilder()
                                .setCitizenship("de")
                                .setIdentityDocumentNumber("#")
                                .setDateOfBirth(Date.newBuilder().setYear(2001).setMonth(2).setDay(30)))
                        .setRequestId("")
                        .build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("organisation_id", "election_id",
                "observer.given_name", "observer.family_name", "observer.citizenship",
                "observer.identity_document_number", "observer.date_of_birth", "mission_role",
                "code_of_conduct_accepted", "request_id");
    }

    @Test
    void codeOfConductMustBeAccepted() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().applyForAccreditation(
                application(newOrganisation(), newElection(), person("X1", "FR")).setCodeOfConductAccepted(false)
                        .build()));

        assertThat(violatedFields(e)).containsExactly("code_of_conduct_accepted");
    }

    @Test
    void dateOfBirthInTheFutureIsInvalid() {
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        ObserverPerson unborn = person("X2", "FR").toBuilder().setDateOfBirth(Date.newBuilder()
                .setYear(tomorrow.getYear()).setMonth(tomorrow.getMonthValue()).setDay(tomorrow.getDayOfMonth()))
                .build();

        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().applyForAccreditation(
                application(newOrganisation(), newElection(), unborn).build()));

        assertThat(violatedFields(e)).containsExactly("observer.date_of_birth");
    }

    @Test
    void unknownOrganisationOrElectionIsNotFound() {
        String election = newElection();
        failure(Status.Code.NOT_FOUND, () -> observer().applyForAccreditation(
                application(unique("nobody"), election, person("X3", "FR")).build()));
        failure(Status.Code.NOT_FOUND, () -> observer().applyForAccreditation(
                application(newOrganisation(), unique("no-election"), person("X3", "FR")).build()));
    }

    @Test
    void applicationAfterTheDeadlineIsFailedPrecondition() {
        String election = newElection();
        String org = newOrganisation();
        QuarkusMock.installMockForType(new ShiftedClock(Duration.between(Instant.now(), DEADLINE)),
                ServiceClock.class);

        var e = failure(Status.Code.FAILED_PRECONDITION, () -> apply(org, election));

        assertThat(errorInfo(e).getReason()).isEqualTo("DEADLINE_PASSED");
        assertThat(errorInfo(e).getMetadataMap()).containsEntry("deadline", DEADLINE.toString());
    }

    @Test
    void applicationJustBeforeTheDeadlineIsAccepted() {
        String election = newElection();
        String org = newOrganisation();
        QuarkusMock.installMockForType(new ShiftedClock(Duration.between(Instant.now(), DEADLINE.minusSeconds(60))),
                ServiceClock.class);

        assertThat(apply(org, election).getStatus()).isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_PENDING);
    }

    @Test
    void applicationBeyondTheQuotaIsFailedPrecondition() {
        String election = newElection();
        String org = newOrganisation();
        observer().setQuota(SetQuotaRequest.newBuilder().setOrganisationId(org).setElectionId(election)
                .setMaxObservers(2).setRequestId(requestId()).build());
        apply(org, election);
        apply(org, election);

        var e = failure(Status.Code.FAILED_PRECONDITION, () -> apply(org, election));

        assertThat(errorInfo(e).getReason()).isEqualTo("QUOTA_REACHED");
        assertThat(errorInfo(e).getMetadataMap()).containsEntry("max_observers", "2");
    }

    @Test
    void refusedApplicationsDoNotCountAgainstTheQuota() {
        String election = newElection();
        String org = newOrganisation();
        observer().setQuota(SetQuotaRequest.newBuilder().setOrganisationId(org).setElectionId(election)
                .setMaxObservers(1).setRequestId(requestId()).build());
        refuse(apply(org, election).getAccreditationId(), "incomplete file");

        assertThat(apply(org, election).getStatus()).isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_PENDING);
    }

    @Test
    void samePersonTwiceInOneElectionIsAlreadyExistsEvenThroughAnotherOrganisation() {
        String election = newElection();
        Accreditation first = apply(newOrganisation(), election, person("D1234", "DE"));

        var e = failure(Status.Code.ALREADY_EXISTS, () -> apply(newOrganisation(), election, person("d-1234", "DE")));

        assertThat(errorInfo(e).getReason()).isEqualTo("ALREADY_ACCREDITED");
        assertThat(errorInfo(e).getMetadataMap()).containsEntry("accreditation_id", first.getAccreditationId());
    }

    @Test
    void samePersonMayApplyAgainAfterARefusalAndInAnotherElection() {
        String election = newElection();
        String org = newOrganisation();
        refuse(apply(org, election, person("R1", "PL")).getAccreditationId(), "late");

        assertThat(apply(org, election, person("R1", "PL")).getStatus())
                .isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_PENDING);
        assertThat(apply(org, newElection(), person("R1", "PL")).getStatus())
                .isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_PENDING);
    }

    @Test
    void sameDocumentNumberOfAnotherCitizenshipIsAnotherPerson() {
        String election = newElection();
        apply(newOrganisation(), election, person("C1", "PL"));

        assertThat(apply(newOrganisation(), election, person("C1", "CZ")).getStatus())
                .isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_PENDING);
    }

    @Test
    void approvalIssuesABadgeValidUntilTheEndOfTheCountingDay() {
        Accreditation a = approved(newOrganisation(), newElection());

        assertThat(a.getStatus()).isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_APPROVED);
        assertThat(a.getBadgeNumber()).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(Instant.ofEpochSecond(a.getValidUntil().getSeconds())).isEqualTo(VALID_UNTIL);
        assertThat(a.hasDecideTime()).isTrue();
        assertThat(a.getDecidedBy()).isNotEmpty();
    }

    @Test
    void badgeNumbersAreUnique() {
        String election = newElection();
        String org = newOrganisation();
        List<String> badges = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            badges.add(approved(org, election).getBadgeNumber());
        }

        assertThat(badges).doesNotHaveDuplicates();
    }

    @Test
    void approvalRetriedWithTheSameRequestIdGivesTheSameBadge() {
        Accreditation pending = apply(newOrganisation(), newElection());
        ApproveAccreditationRequest request = ApproveAccreditationRequest.newBuilder()
                .setAccreditationId(pending.getAccreditationId()).setRequestId(requestId()).build();

        Accreditation first = observer().approveAccreditation(request).getAccreditation();
        Accreditation retry = observer().approveAccreditation(request).getAccreditation();

        assertThat(retry).isEqualTo(first);
    }

    @Test
    void secondApprovalIsFailedPrecondition() {
        Accreditation a = approved(newOrganisation(), newElection());

        var e = failure(Status.Code.FAILED_PRECONDITION, () -> approve(a.getAccreditationId()));

        assertThat(errorInfo(e).getReason()).isEqualTo("WRONG_ACCREDITATION_STATUS");
    }

    @Test
    void refusalRecordsTheReason() {
        Accreditation pending = apply(newOrganisation(), newElection());

        Accreditation refused = refuse(pending.getAccreditationId(), "no mission letter");

        assertThat(refused.getStatus()).isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_REFUSED);
        assertThat(refused.getRefusalReason()).isEqualTo("no mission letter");
        assertThat(refused.getBadgeNumber()).isEmpty();
        assertThat(refused.hasDecideTime()).isTrue();
    }

    @Test
    void refusedApplicationCannotBeApprovedRefusedOrRevoked() {
        String id = apply(newOrganisation(), newElection()).getAccreditationId();
        refuse(id, "first refusal");

        failure(Status.Code.FAILED_PRECONDITION, () -> approve(id));
        failure(Status.Code.FAILED_PRECONDITION, () -> refuse(id, "again"));
        failure(Status.Code.FAILED_PRECONDITION, () -> revoke(id, "never approved"));
    }

    @Test
    void approvedAccreditationCannotBeRefused() {
        String id = approved(newOrganisation(), newElection()).getAccreditationId();

        failure(Status.Code.FAILED_PRECONDITION, () -> refuse(id, "too late"));
    }

    @Test
    void pendingAccreditationCannotBeRevoked() {
        String id = apply(newOrganisation(), newElection()).getAccreditationId();

        failure(Status.Code.FAILED_PRECONDITION, () -> revoke(id, "not yet approved"));
    }

    @Test
    void revocationRecordsTheReasonAndKeepsTheBadgeNumber() {
        Accreditation a = approved(newOrganisation(), newElection());

        Accreditation revoked = revoke(a.getAccreditationId(), "breach of the code of conduct");

        assertThat(revoked.getStatus()).isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_REVOKED);
        assertThat(revoked.getRevocationReason()).isEqualTo("breach of the code of conduct");
        assertThat(revoked.hasRevokeTime()).isTrue();
        assertThat(revoked.getBadgeNumber()).isEqualTo(a.getBadgeNumber());
    }

    @Test
    void revokedAccreditationCannotBeApprovedOrRevokedAgain() {
        String id = approved(newOrganisation(), newElection()).getAccreditationId();
        revoke(id, "breach");

        failure(Status.Code.FAILED_PRECONDITION, () -> approve(id));
        failure(Status.Code.FAILED_PRECONDITION, () -> revoke(id, "again"));
    }

    @Test
    void revokedPersonMayApplyAgain() {
        String election = newElection();
        String org = newOrganisation();
        revoke(approve(apply(org, election, person("V1", "SE")).getAccreditationId()).getAccreditationId(), "breach");

        assertThat(apply(org, election, person("V1", "SE")).getStatus())
                .isEqualTo(AccreditationStatus.ACCREDITATION_STATUS_PENDING);
    }

    @Test
    void decisionsNeedAReasonAndAUuid() {
        var refuse = failure(Status.Code.INVALID_ARGUMENT, () -> observer().refuseAccreditation(
                RefuseAccreditationRequest.newBuilder().setAccreditationId("nope").setRequestId(requestId()).build()));
        var revoke = failure(Status.Code.INVALID_ARGUMENT, () -> observer().revokeAccreditation(
                RevokeAccreditationRequest.newBuilder().setAccreditationId(UUID.randomUUID().toString())
                        .setReason("  ").setRequestId(requestId()).build()));

        assertThat(violatedFields(refuse)).containsExactlyInAnyOrder("accreditation_id", "reason");
        assertThat(violatedFields(revoke)).containsExactly("reason");
    }

    @Test
    void decisionsOnAnUnknownAccreditationAreNotFound() {
        String id = UUID.randomUUID().toString();

        failure(Status.Code.NOT_FOUND, () -> approve(id));
        failure(Status.Code.NOT_FOUND, () -> refuse(id, "x"));
        failure(Status.Code.NOT_FOUND, () -> revoke(id, "x"));
        failure(Status.Code.NOT_FOUND, () -> observer().getAccreditation(
                GetAccreditationRequest.newBuilder().setAccreditationId(id).build()));
    }

    @Test
    void listFiltersByOrganisationCitizenshipAndStatusOrderedByName() {
        String election = newElection();
        String org = newOrganisation();
        String other = newOrganisation();
        Accreditation zeta = apply(org, election, person("L1", "NO").toBuilder().setFamilyName("Zeta").build());
        Accreditation alpha = apply(org, election, person("L2", "NO").toBuilder().setFamilyName("Alpha").build());
        Accreditation beta = apply(org, election, person("L3", "DK").toBuilder().setFamilyName("Beta").build());
        apply(other, election, person("L4", "NO"));
        approve(alpha.getAccreditationId());

        assertThat(ids(list(ListAccreditationsRequest.newBuilder().setElectionId(election).setOrganisationId(org))))
                .containsExactly(alpha.getAccreditationId(), beta.getAccreditationId(), zeta.getAccreditationId());
        assertThat(ids(list(ListAccreditationsRequest.newBuilder().setElectionId(election).setOrganisationId(org)
                .setCitizenship("NO")))).containsExactly(alpha.getAccreditationId(), zeta.getAccreditationId());
        assertThat(ids(list(ListAccreditationsRequest.newBuilder().setElectionId(election)
                .setStatus(AccreditationStatus.ACCREDITATION_STATUS_APPROVED))))
                .containsExactly(alpha.getAccreditationId());
    }

    @Test
    void listPagesThroughEveryAccreditationOnce() {
        String election = newElection();
        String org = newOrganisation();
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            applied.add(apply(org, election, person("PG" + i, "IS").toBuilder().setFamilyName("Same").build())
                    .getAccreditationId());
        }

        List<String> listed = new ArrayList<>();
        String token = "";
        do {
            ListAccreditationsResponse page = observer().listAccreditations(ListAccreditationsRequest.newBuilder()
                    .setElectionId(election).setPageSize(3).setPageToken(token).build());
            page.getAccreditationsList().forEach(a -> listed.add(a.getAccreditationId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertThat(listed).containsExactlyInAnyOrderElementsOf(applied).doesNotHaveDuplicates();
    }

    @Test
    void badListRequestIsInvalid() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().listAccreditations(ListAccreditationsRequest
                .newBuilder().setElectionId("").setCitizenship("X").setStatusValue(42).setPageSize(-1).build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("election_id", "citizenship", "status", "page_size");
    }

    private static ListAccreditationsResponse list(ListAccreditationsRequest.Builder request) {
        return observer().listAccreditations(request.build());
    }

    private static List<String> ids(ListAccreditationsResponse response) {
        return response.getAccreditationsList().stream().map(Accreditation::getAccreditationId).toList();
    }

    static Accreditation refuse(String id, String reason) {
        return observer().refuseAccreditation(RefuseAccreditationRequest.newBuilder().setAccreditationId(id)
                .setReason(reason).setRequestId(requestId()).build()).getAccreditation();
    }

    static Accreditation revoke(String id, String reason) {
        return observer().revokeAccreditation(RevokeAccreditationRequest.newBuilder().setAccreditationId(id)
                .setReason(reason).setRequestId(requestId()).build()).getAccreditation();
    }
}
