package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.ListStationTurnoutRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.Turnout;
import io.electa.registry.v1.WatchTurnoutRequest;
import io.electa.registry.v1.WatchTurnoutResponse;
import io.grpc.Status;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TurnoutTest extends RegistryTestSupport {

    @Test
    void turnoutIsPublishedPerStationDistrictAndNationToTwoDecimals() {
        String election = pollingElection();
        // S1: 3 registered, S2: 3 registered, S3 (district D2): 3 registered.
        mark(election, 0, "S1");
        mark(election, 3, "S1");
        mark(election, 1, "S2");

        Turnout s1 = get(GetTurnoutRequest.newBuilder().setElectionId(election).setStationCode("S1"));
        Turnout d1 = get(GetTurnoutRequest.newBuilder().setElectionId(election).setDistrictCode("D1"));
        Turnout d2 = get(GetTurnoutRequest.newBuilder().setElectionId(election).setDistrictCode("D2"));
        Turnout nation = get(GetTurnoutRequest.newBuilder().setElectionId(election));

        assertThat(s1.getRegistered()).isEqualTo(3);
        assertThat(s1.getVoted()).isEqualTo(2);
        assertThat(s1.getTurnout().getPercent()).isEqualTo("66.67");
        assertThat(s1.getDistrictCode()).isEqualTo("D1");
        assertThat(d1.getVoted()).isEqualTo(3);
        assertThat(d1.getStations()).isEqualTo(2);
        assertThat(d1.getTurnout().getPercent()).isEqualTo("50.00");
        assertThat(d2.getTurnout().getPercent()).isEqualTo("0.00");
        assertThat(nation.getRegistered()).isEqualTo(9);
        assertThat(nation.getVoted()).isEqualTo(d1.getVoted() + d2.getVoted());
        assertThat(nation.getTurnout().getPercent()).isEqualTo("33.33");
        assertThat(nation.getTurnout().getNumerator()).isEqualTo(3);
        assertThat(nation.getTurnout().getDenominator()).isEqualTo(9);
    }

    @Test
    void everyStationsTurnoutIsListedPageByPage() {
        String election = pollingElection();
        mark(election, 0, "S1");
        mark(election, 4, "S2");

        var first = registry().listStationTurnout(ListStationTurnoutRequest.newBuilder().setElectionId(election)
                .setPageSize(2).build());
        var rest = registry().listStationTurnout(ListStationTurnoutRequest.newBuilder().setElectionId(election)
                .setPageSize(2).setPageToken(first.getNextPageToken()).build());
        var d2 = registry().listStationTurnout(ListStationTurnoutRequest.newBuilder().setElectionId(election)
                .setDistrictCode("D2").build());

        assertThat(first.getStationsList()).extracting(Turnout::getStationCode).containsExactly("S1", "S2");
        assertThat(first.getStationsList()).extracting(Turnout::getVoted).containsExactly(1L, 1L);
        assertThat(first.getStations(0).getRegistered()).isEqualTo(3);
        assertThat(first.getStations(0).getDistrictCode()).isEqualTo("D1");
        assertThat(rest.getStationsList()).extracting(Turnout::getStationCode).containsExactly("S3");
        assertThat(rest.getNextPageToken()).isEmpty();
        assertThat(d2.getStationsList()).extracting(Turnout::getStationCode).containsExactly("S3");
        failure(Status.Code.NOT_FOUND, () -> registry().listStationTurnout(ListStationTurnoutRequest.newBuilder()
                .setElectionId(election).setDistrictCode("D9").build()));
        failure(Status.Code.INVALID_ARGUMENT, () -> registry().listStationTurnout(ListStationTurnoutRequest
                .newBuilder().setElectionId(election).setPageSize(5000).build()));
    }

    @Test
    void unknownScopeIsNotFound() {
        String election = pollingElection();

        failure(Status.Code.NOT_FOUND, () -> get(GetTurnoutRequest.newBuilder().setElectionId(election)
                .setStationCode("S404")));
        failure(Status.Code.NOT_FOUND, () -> get(GetTurnoutRequest.newBuilder().setElectionId(election)
                .setDistrictCode("D404")));
        failure(Status.Code.NOT_FOUND, () -> get(GetTurnoutRequest.newBuilder().setElectionId("no-such-election")));
    }

    @Test
    void watchSendsCurrentFiguresThenCoalescedUpdates() throws Exception {
        String election = pollingElection();
        LinkedBlockingQueue<Turnout> received = new LinkedBlockingQueue<>();
        ClientCallStreamObserver<?>[] call = new ClientCallStreamObserver<?>[1];
        RegistryServiceGrpc.newStub(channel()).watchTurnout(
                WatchTurnoutRequest.newBuilder().setElectionId(election).build(),
                new ClientResponseObserver<WatchTurnoutRequest, WatchTurnoutResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<WatchTurnoutRequest> stream) {
                        call[0] = stream;
                    }

                    @Override
                    public void onNext(WatchTurnoutResponse value) {
                        received.add(value.getTurnout());
                    }

                    @Override
                    public void onError(Throwable t) {
                    }

                    @Override
                    public void onCompleted() {
                    }
                });
        try {
            Turnout initial = received.poll(10, TimeUnit.SECONDS);
            assertThat(initial).isNotNull();
            assertThat(initial.getVoted()).isZero();

            IntStream.range(0, 9).forEach(n -> mark(election, n, "S" + (1 + n % 3)));

            List<Turnout> updates = new ArrayList<>();
            while (updates.isEmpty() || updates.get(updates.size() - 1).getVoted() < 9) {
                Turnout next = received.poll(10, TimeUnit.SECONDS);
                assertThat(next).as("an update with every mark").isNotNull();
                updates.add(next);
            }
            assertThat(updates.size()).as("updates are coalesced").isLessThan(9);
            assertThat(updates).extracting(Turnout::getVoted).isSorted().doesNotHaveDuplicates();
            assertThat(updates.get(updates.size() - 1).getTurnout().getPercent()).isEqualTo("100.00");
        } finally {
            call[0].cancel("test done", null);
        }
    }

    @Test
    void watchOfUnknownElectionIsNotFound() {
        failure(Status.Code.NOT_FOUND, () -> RegistryServiceGrpc.newBlockingStub(channel())
                .watchTurnout(WatchTurnoutRequest.newBuilder().setElectionId("no-such-election").build()).hasNext());
    }

    private static String pollingElection() {
        String election = electionWithStations();
        importVoters(election, IntStream.range(0, 9).mapToObj(n -> voter(n, "S" + (1 + n % 3))).toList());
        freezeRoll(election);
        openPolls(election);
        return election;
    }

    private static void mark(String election, int voter, String station) {
        registry().markVoted(MarkVotedTest.request(election, voter, station, requestId()));
    }

    private static Turnout get(GetTurnoutRequest.Builder request) {
        return registry().getTurnout(request.build()).getTurnout();
    }
}
