package io.electa.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.Turnout;
import io.electa.registry.v1.VoteMark;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class MarkVotedConcurrencyTest extends RegistryTestSupport {

    @Inject
    Pool pool;

    @Test
    void hundredParallelMarksOfOneVoterSucceedExactlyOnce() throws Exception {
        String election = pollingElection(1);

        List<Outcome> outcomes = inParallel(100, i -> MarkVotedTest.request(election, 0, "S1", requestId()));

        assertThat(outcomes.stream().filter(o -> o.mark != null)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.code == Status.Code.ALREADY_EXISTS)).hasSize(99);
        assertThat(markCount(election)).isEqualTo(1);
        assertThat(turnout(election, "S1").getVoted()).isEqualTo(1);
    }

    @Test
    void parallelRetriesOfOneRequestAllGetTheSameMark() throws Exception {
        String election = pollingElection(1);
        MarkVotedRequest request = MarkVotedTest.request(election, 0, "S1", requestId());

        List<Outcome> outcomes = inParallel(100, i -> request);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.code).isNull());
        assertThat(outcomes.stream().map(o -> o.mark).distinct()).hasSize(1);
        assertThat(turnout(election, "S1").getVoted()).isEqualTo(1);
    }

    @Test
    void countersEqualARecountAfterManyParallelMarks() throws Exception {
        int voters = 600;
        String election = pollingElection(voters);

        // Every voter twice (two clerks, two request ids), in parallel: 1,200 attempts.
        List<Outcome> outcomes = inParallel(2 * voters,
                i -> MarkVotedTest.request(election, i % voters, "S" + (1 + (i % voters) % 3), requestId()));

        assertThat(outcomes.stream().filter(o -> o.mark != null)).hasSize(voters);
        Map<String, Long> recount = recountByStation(election);
        long total = 0;
        for (String station : List.of("S1", "S2", "S3")) {
            Turnout counted = turnout(election, station);
            assertThat(counted.getVoted()).as(station).isEqualTo(recount.getOrDefault(station, 0L));
            total += counted.getVoted();
        }
        Turnout nation = registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(election).build())
                .getTurnout();
        assertThat(nation.getVoted()).isEqualTo(total).isEqualTo(voters);
        assertThat(nation.getTurnout().getPercent()).isEqualTo("100.00");
    }

    /**
     * Marks that arrive together are written together (group commit), yet each gets the answer
     * it would get alone: valid marks, voters at the wrong station or not on the roll, a
     * request_id reused for another voter, an unknown election, and a retry of a valid mark, all
     * released at once many times over.
     */
    @Test
    void marksWrittenTogetherEachGetTheirOwnAnswer() throws Exception {
        int voters = 300;
        String election = pollingElection(voters);
        String reusedId = requestId();
        MarkVotedRequest first = MarkVotedTest.request(election, 0, "S1", reusedId);
        registry().markVoted(first);

        // Voter n is on the roll of S(1 + n % 3); voters 1..299 each get one of five kinds of call.
        List<MarkVotedRequest> requests = new ArrayList<>();
        Map<Integer, Status.Code> expected = new HashMap<>();
        for (int n = 1; n < voters; n++) {
            String own = "S" + (1 + n % 3);
            String other = "S" + (1 + (n + 1) % 3);
            MarkVotedRequest request = switch (n % 5) {
                case 0 -> MarkVotedTest.request(election, n, own, requestId());
                case 1 -> MarkVotedTest.request(election, n, other, requestId());
                case 2 -> MarkVotedTest.request(election, voters + n, own, requestId());
                case 3 -> MarkVotedTest.request("no-such-election", n, own, requestId());
                default -> MarkVotedTest.request(election, n, own, reusedId);
            };
            expected.put(requests.size(), switch (n % 5) {
                case 0 -> null;
                case 1 -> Status.Code.FAILED_PRECONDITION;
                case 2, 3 -> Status.Code.NOT_FOUND;
                default -> Status.Code.INVALID_ARGUMENT;
            });
            requests.add(request);
        }
        int retries = 20;
        for (int i = 0; i < retries; i++) {
            requests.add(first);
            expected.put(requests.size() - 1, null);
        }

        List<Outcome> outcomes = inParallel(requests.size(), requests::get);

        for (int i = 0; i < requests.size(); i++) {
            assertThat(outcomes.get(i).code).as("answer to %s", requests.get(i)).isEqualTo(expected.get(i));
            if (expected.get(i) == null) {
                assertThat(outcomes.get(i).mark.getNationalId()).isEqualTo(requests.get(i).getNationalId());
                assertThat(outcomes.get(i).mark.getRequestId()).isEqualTo(requests.get(i).getRequestId());
            }
        }
        long marked = 1 + IntStream.range(1, voters).filter(n -> n % 5 == 0).count();
        assertThat(markCount(election)).isEqualTo(marked);
        Turnout nation = registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(election).build())
                .getTurnout();
        assertThat(nation.getVoted()).isEqualTo(marked);
    }

    private static String pollingElection(int voters) {
        String election = electionWithStations();
        importVoters(election, IntStream.range(0, voters).mapToObj(n -> voter(n, "S" + (1 + n % 3))).toList());
        freezeRoll(election);
        openPolls(election);
        return election;
    }

    private static Turnout turnout(String election, String station) {
        return registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(election).setStationCode(station)
                .build()).getTurnout();
    }

    private long markCount(String election) {
        return pool.preparedQuery("SELECT count(*) FROM vote_mark WHERE election_id = $1")
                .execute(Tuple.of(election)).await().indefinitely().iterator().next().getLong(0);
    }

    private Map<String, Long> recountByStation(String election) {
        Map<String, Long> counts = new HashMap<>();
        pool.preparedQuery("SELECT station_code, count(*) FROM vote_mark WHERE election_id = $1 GROUP BY station_code")
                .execute(Tuple.of(election)).await().indefinitely()
                .forEach(row -> counts.put(row.getString(0), row.getLong(1)));
        return counts;
    }

    /** Sends {@code count} requests from 32 threads released at once. */
    private static List<Outcome> inParallel(int count, java.util.function.IntFunction<MarkVotedRequest> request)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                MarkVotedRequest r = request.apply(i);
                Callable<Outcome> call = () -> {
                    start.await();
                    try {
                        return new Outcome(registry().markVoted(r).getMark(), null);
                    } catch (StatusRuntimeException e) {
                        return new Outcome(null, e.getStatus().getCode());
                    }
                };
                futures.add(threads.submit(call));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private record Outcome(VoteMark mark, Status.Code code) {
    }
}
