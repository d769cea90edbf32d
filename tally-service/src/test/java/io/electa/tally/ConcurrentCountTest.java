package io.electa.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.tally.v1.LedgerEntry;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.StreamLedgerRequest;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.SubmitProtocolResponse;
import io.electa.client.ledger.LedgerVerifier;
import io.electa.client.ledger.Verification;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * Many stations reporting at once: changes of one election share transactions (group commit),
 * yet every station gets exactly one protocol, twins of one request get one answer, rivals for
 * one station get one success, and the ledger and the totals agree.
 */
@QuarkusTest
class ConcurrentCountTest extends TallyTestSupport {

    @Test
    void concurrentSubmissionsTwinsAndRivalsLeaveOneProtocolPerStationAndAnIntactLedger() throws Exception {
        Scenario s = counting(3, 10);
        List<SubmitProtocolRequest> requests = new ArrayList<>();
        for (String station : s.stationCodes()) {
            requests.add(request(s, station, 1));
        }
        List<SubmitProtocolRequest> twins = requests.subList(0, 5);
        List<SubmitProtocolRequest> rivals = new ArrayList<>();
        for (String station : s.stationCodes().subList(5, 10)) {
            rivals.add(request(s, station, 2));
        }
        List<SubmitProtocolRequest> all = new ArrayList<>(requests);
        all.addAll(twins);
        all.addAll(rivals);

        ExecutorService clients = Executors.newFixedThreadPool(16);
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        try {
            for (SubmitProtocolRequest r : all) {
                answers.add(CompletableFuture.supplyAsync(() -> submitOrStatus(r), clients));
            }
            CompletableFuture.allOf(answers.toArray(new CompletableFuture[0])).join();
        } finally {
            clients.shutdown();
        }

        for (int i = 0; i < twins.size(); i++) {
            assertThat(answers.get(requests.size() + i).get()).as("a twin gets the first answer")
                    .isEqualTo(answers.get(i).get());
        }
        for (int i = 0; i < rivals.size(); i++) {
            Object first = answers.get(5 + i).get();
            Object rival = answers.get(requests.size() + twins.size() + i).get();
            assertThat(List.of(first, rival)).as("one of two rivals for a station wins")
                    .filteredOn(a -> a instanceof SubmitProtocolResponse).hasSize(1);
            assertThat(List.of(first, rival)).filteredOn(a -> a == Status.Code.ALREADY_EXISTS).hasSize(1);
        }
        Results nation = nation(s.electionId);
        assertThat(nation.getStationsReported()).isEqualTo(30);
        List<LedgerEntry> ledger = new ArrayList<>();
        tally().streamLedger(StreamLedgerRequest.newBuilder().setElectionId(s.electionId).build())
                .forEachRemaining(r -> ledger.add(r.getEntry()));
        Verification v = LedgerVerifier.verify(s.electionId, ledger);
        assertThat(v.problems()).isEmpty();
        assertThat(ledger).hasSize(31);
        assertThat(v.tally().sums(null).valid()).isEqualTo(nation.getBallotsValid());
        assertThat(v.tally().sums(null).votes()).containsExactlyElementsOf(
                nation.getCandidatesList().stream().map(c -> c.getVotes()).toList());
    }

    private static SubmitProtocolRequest request(Scenario s, String station, int winner) {
        return SubmitProtocolRequest.newBuilder().setElectionId(s.electionId).setStationCode(station)
                .setFigures(earlyOnly(s.rollSize.get(station), 1, 3 * winner, 2, 1)).setRequestId(requestId()).build();
    }

    /** The response, or the status code of the failure. */
    private static Object submitOrStatus(SubmitProtocolRequest request) {
        try {
            return tally().submitProtocol(request);
        } catch (StatusRuntimeException e) {
            return e.getStatus().getCode();
        }
    }
}
