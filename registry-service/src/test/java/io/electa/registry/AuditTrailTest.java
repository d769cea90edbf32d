package io.electa.registry;

import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.electa.client.auth.Grant;
import io.electa.common.v1.AuditEvent;
import io.electa.common.v1.AuditFilter;
import io.electa.common.v1.Role;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.ListAuditEventsRequest;
import io.electa.registry.v1.ListAuditEventsResponse;
import io.electa.testing.TestTokens;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The registry's audit trail: one event per change, by the authenticated caller, in the change's
 * transaction; listed with filters and pages; and append-only in the database itself.
 */
@QuarkusTest
class AuditTrailTest extends RegistryTestSupport {
    private static final String CREATE_DISTRICT = "electa.registry.v1.RegistryService/CreateDistrict";

    @Inject
    Pool pool;

    @Test
    void everyChangeIsRecordedOnceWithItsCallerTargetAndOutcome() {
        String election = newElection();
        String requestId = requestId();
        CreateDistrictRequest create = CreateDistrictRequest.newBuilder().setElectionId(election)
                .setDistrictCode("D7").setName("District 7").setRequestId(requestId).build();
        registry().createDistrict(create);
        registry().createDistrict(create);

        List<AuditEvent> events = list(AuditFilter.newBuilder().setRequestId(requestId).build(), 0, "")
                .getEventsList();

        assertThat(events).hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.getRpc()).isEqualTo(CREATE_DISTRICT);
        assertThat(event.getSubject()).isEqualTo(TestTokens.SUBJECT);
        assertThat(event.getRolesList()).containsExactly(Role.COMMISSION_ADMIN);
        assertThat(event.getElectionId()).isEqualTo(election);
        assertThat(event.getTarget()).isEqualTo("district_code=D7");
        assertThat(event.getOutcome()).isEqualTo("OK");
    }

    @Test
    void theCallersGrantIsRecordedAsItsTokenStatesIt() {
        String election = pollingElection();
        var clerk = registry().withCallCredentials(TestTokens.as(Grant.clerkOf("S1")));
        String requestId = requestId();
        var mark = clerk.markVoted(io.electa.registry.v1.MarkVotedRequest.newBuilder().setElectionId(election)
                .setNationalId(io.electa.roll.NationalId.of(1)).setStationCode("S1").setRequestId(requestId).build());

        assertThat(mark.getMark().getMarkedBy()).as("a mark names its clerk").isEqualTo(TestTokens.SUBJECT);
        assertThat(list(AuditFilter.newBuilder().setRequestId(requestId).build(), 0, "").getEventsList())
                .as("a mark is its own record, not copied into the trail").isEmpty();
        List<AuditEvent> opened = list(AuditFilter.newBuilder().setElectionId(election).setRpc("OpenPolls").build(),
                0, "").getEventsList();
        assertThat(opened).singleElement().satisfies(event -> {
            assertThat(event.getOutcome()).isEqualTo("ELECTION_STATUS_POLLING");
            assertThat(event.getScopeStationCode()).isEmpty();
        });
    }

    @Test
    void aRefusedChangeLeavesNoEvent() {
        String election = newElection();
        createDistrict(election, "D1");
        String requestId = requestId();
        assertThatThrownBy(() -> registry().createDistrict(CreateDistrictRequest.newBuilder().setElectionId(election)
                .setDistrictCode("D1").setName("Again").setRequestId(requestId).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.ALREADY_EXISTS));

        assertThat(list(AuditFilter.newBuilder().setRequestId(requestId).build(), 0, "").getEventsList()).isEmpty();
    }

    @Test
    void eventsAreListedInOrderPageByPageAndFiltered() {
        String election = newElection();
        for (int i = 1; i <= 5; i++) {
            createDistrict(election, "P" + i);
        }
        AuditFilter districts = AuditFilter.newBuilder().setElectionId(election).setRpc(CREATE_DISTRICT).build();
        List<AuditEvent> all = new ArrayList<>();
        String token = "";
        int pages = 0;
        do {
            ListAuditEventsResponse page = list(districts, 2, token);
            all.addAll(page.getEventsList());
            token = page.getNextPageToken();
            pages++;
        } while (!token.isEmpty());

        assertThat(pages).isEqualTo(3);
        assertThat(all).extracting(AuditEvent::getTarget)
                .containsExactly("district_code=P1", "district_code=P2", "district_code=P3", "district_code=P4",
                        "district_code=P5");
        assertThat(all).extracting(AuditEvent::getEventId).isSorted();
        assertThat(list(AuditFilter.newBuilder().setElectionId(election).setRpc("CreateElection").build(), 0, "")
                .getEventsList()).hasSize(1);
        assertThat(list(AuditFilter.newBuilder().setElectionId(election).setSubject("someone-else").build(), 0, "")
                .getEventsList()).isEmpty();
        assertThat(list(AuditFilter.newBuilder().setElectionId(election)
                .setStartTime(io.electa.support.grpc.Timestamps.toProto(java.time.Instant.now().plus(Duration.ofHours(1))))
                .build(), 0, "").getEventsList()).isEmpty();
    }

    @Test
    void aPageTokenThisServiceDidNotIssueIsRefused() {
        assertThatThrownBy(() -> list(AuditFilter.getDefaultInstance(), 0,
                java.util.Base64.getUrlEncoder().encodeToString("after:x".getBytes())))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(violatedFields(e)).containsExactly("page_token");
                });
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveEvents() {
        newElection();
        for (String statement : List.of("UPDATE audit_event SET subject = 'someone-else'",
                "DELETE FROM audit_event", "TRUNCATE audit_event")) {
            assertThatThrownBy(() -> pool.query(statement).execute().await().atMost(Duration.ofSeconds(10)))
                    .as(statement).hasMessageContaining("append-only");
        }
        long changed = pool.query("SELECT count(*) FROM audit_event WHERE subject = 'someone-else'").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
        assertThat(changed).isZero();
    }

    private static ListAuditEventsResponse list(AuditFilter filter, int pageSize, String pageToken) {
        return registry().listAuditEvents(ListAuditEventsRequest.newBuilder().setFilter(filter)
                .setPageSize(pageSize).setPageToken(pageToken).build());
    }

    private static String pollingElection() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(1, "S1"), voter(2, "S1")));
        freezeRoll(election);
        openPolls(election);
        return election;
    }
}
