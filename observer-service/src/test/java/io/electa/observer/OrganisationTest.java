package io.electa.observer;

import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.fieldViolations;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.observer.v1.Contact;
import io.electa.observer.v1.CreateOrganisationRequest;
import io.electa.observer.v1.GetOrganisationRequest;
import io.electa.observer.v1.GetQuotaRequest;
import io.electa.observer.v1.ListOrganisationsRequest;
import io.electa.observer.v1.ListOrganisationsResponse;
import io.electa.observer.v1.Organisation;
import io.electa.observer.v1.OrganisationType;
import io.electa.observer.v1.Quota;
import io.electa.observer.v1.SetQuotaRequest;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrganisationTest extends ObserverTestSupport {

    @Test
    void createdOrganisationCanBeRead() {
        String id = unique("osce");
        Organisation created = observer().createOrganisation(organisationRequest(id).build()).getOrganisation();

        Organisation read = observer().getOrganisation(GetOrganisationRequest.newBuilder().setOrganisationId(id).build())
                .getOrganisation();

        assertThat(read).isEqualTo(created);
        assertThat(read.getCountry()).isEqualTo("AT");
        assertThat(read.getContact().getEmail()).isEqualTo("mission@example.org");
        assertThat(read.hasCreateTime()).isTrue();
    }

    @Test
    void invalidOrganisationNamesEveryBrokenFieldAndStoresNothing() {
        String id = unique("bad");
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().createOrganisation(CreateOrganisationRequest
                .newBuilder()
                .setOrganisationId(id)
                .setName(" ")
                .setCountry("XX")
                .setContact(Contact.newBuilder().setName("x").setEmail("not-an-email").setPhone("0301234"))
                .setRequestId("bad id!")
                .build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("name", "type", "country", "contact.email",
                "contact.phone", "request_id");
        failure(Status.Code.NOT_FOUND, () -> observer().getOrganisation(
                GetOrganisationRequest.newBuilder().setOrganisationId(id).build()));
    }

    @Test
    void missingContactIsInvalid() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().createOrganisation(
                organisationRequest(unique("o")).clearContact().build()));

        assertThat(fieldViolations(e)).extracting(v -> v.getField(), v -> v.getReason())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contact", "REQUIRED"));
    }

    @Test
    void takenOrganisationIdIsAlreadyExists() {
        String id = unique("dup");
        observer().createOrganisation(organisationRequest(id).build());

        failure(Status.Code.ALREADY_EXISTS, () -> observer().createOrganisation(organisationRequest(id).build()));
    }

    @Test
    void retryWithTheSameRequestIdReturnsTheFirstAnswer() {
        CreateOrganisationRequest request = organisationRequest(unique("retry")).build();
        Organisation first = observer().createOrganisation(request).getOrganisation();

        Organisation again = observer().createOrganisation(request).getOrganisation();

        assertThat(again).isEqualTo(first);
    }

    @Test
    void requestIdReusedForAnotherRequestIsInvalid() {
        CreateOrganisationRequest request = organisationRequest(unique("reuse")).build();
        observer().createOrganisation(request);

        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().createOrganisation(
                organisationRequest(unique("other")).setRequestId(request.getRequestId()).build()));

        assertThat(violatedFields(e)).containsExactly("request_id");
    }

    @Test
    void unknownOrganisationIsNotFound() {
        failure(Status.Code.NOT_FOUND, () -> observer().getOrganisation(
                GetOrganisationRequest.newBuilder().setOrganisationId(unique("none")).build()));
    }

    @Test
    void listFiltersByTypeAndCountryAndPages() {
        String country = "LI";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(newOrganisation(OrganisationType.ORGANISATION_TYPE_FOREIGN_PARLIAMENT, country));
        }
        newOrganisation(OrganisationType.ORGANISATION_TYPE_DOMESTIC_NGO, country);

        List<String> listed = new ArrayList<>();
        String token = "";
        do {
            ListOrganisationsResponse page = observer().listOrganisations(ListOrganisationsRequest.newBuilder()
                    .setType(OrganisationType.ORGANISATION_TYPE_FOREIGN_PARLIAMENT).setCountry(country)
                    .setPageSize(2).setPageToken(token).build());
            assertThat(page.getOrganisationsCount()).isLessThanOrEqualTo(2);
            page.getOrganisationsList().forEach(o -> listed.add(o.getOrganisationId()));
            token = page.getNextPageToken();
        } while (!token.isEmpty());

        assertThat(listed).containsExactlyElementsOf(ids.stream().sorted().toList());
    }

    @Test
    void badListFiltersAndPagesAreInvalid() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().listOrganisations(ListOrganisationsRequest
                .newBuilder().setCountry("ZZ").setTypeValue(99).setPageSize(1001).setPageToken("garbage!").build()));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("type", "country", "page_size", "page_token");
    }

    @Test
    void quotaIsSetReadAndCleared() {
        String election = newElection();
        String org = newOrganisation();
        apply(org, election);

        Quota set = observer().setQuota(SetQuotaRequest.newBuilder().setOrganisationId(org).setElectionId(election)
                .setMaxObservers(3).setRequestId(requestId()).build()).getQuota();
        assertThat(set.getMaxObservers()).isEqualTo(3);
        assertThat(set.getUsed()).isEqualTo(1);

        Quota cleared = observer().setQuota(SetQuotaRequest.newBuilder().setOrganisationId(org)
                .setElectionId(election).setRequestId(requestId()).build()).getQuota();
        assertThat(cleared.hasMaxObservers()).isFalse();

        Quota read = observer().getQuota(GetQuotaRequest.newBuilder().setOrganisationId(org).setElectionId(election)
                .build()).getQuota();
        assertThat(read.hasMaxObservers()).isFalse();
        assertThat(read.getUsed()).isEqualTo(1);
        assertThat(read.hasUpdateTime()).isTrue();
    }

    @Test
    void quotaNeverSetHasNoLimit() {
        Quota quota = observer().getQuota(GetQuotaRequest.newBuilder().setOrganisationId(newOrganisation())
                .setElectionId("any-election").build()).getQuota();

        assertThat(quota.hasMaxObservers()).isFalse();
        assertThat(quota.hasUpdateTime()).isFalse();
        assertThat(quota.getUsed()).isZero();
    }

    @Test
    void negativeQuotaIsInvalid() {
        var e = failure(Status.Code.INVALID_ARGUMENT, () -> observer().setQuota(SetQuotaRequest.newBuilder()
                .setOrganisationId(newOrganisation()).setElectionId(newElection()).setMaxObservers(-1)
                .setRequestId(requestId()).build()));

        assertThat(violatedFields(e)).containsExactly("max_observers");
    }

    @Test
    void quotaForAnElectionUnknownToTheRegistryIsNotFound() {
        failure(Status.Code.NOT_FOUND, () -> observer().setQuota(SetQuotaRequest.newBuilder()
                .setOrganisationId(newOrganisation()).setElectionId(unique("nowhere")).setMaxObservers(1)
                .setRequestId(requestId()).build()));
    }

    @Test
    void quotaOfAnUnknownOrganisationIsNotFound() {
        String election = newElection();
        failure(Status.Code.NOT_FOUND, () -> observer().setQuota(SetQuotaRequest.newBuilder()
                .setOrganisationId(unique("nobody")).setElectionId(election).setMaxObservers(1)
                .setRequestId(requestId()).build()));
        failure(Status.Code.NOT_FOUND, () -> observer().getQuota(GetQuotaRequest.newBuilder()
                .setOrganisationId(unique("nobody")).setElectionId(election).build()));
    }
}
