package io.electa.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.observer.v1.AccreditationStatus;
import io.electa.observer.v1.ApplyForAccreditationRequest;
import io.electa.observer.v1.ApplyForAccreditationResponse;
import io.electa.observer.v1.ListAccreditationsRequest;
import io.electa.observer.v1.SetQuotaRequest;
import io.electa.testing.GrpcAssertions;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ConcurrentApplicationTest extends ObserverTestSupport {
    private static final int PARALLEL = 16;

    @Test
    void parallelApplicationsForOnePersonLeaveExactlyOneLiveAccreditation() throws Exception {
        String election = newElection();
        List<String> organisations = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            organisations.add(newOrganisation());
        }

        List<Outcome> outcomes = inParallel(i -> application(organisations.get(i % 4), election,
                person("TWIN1", "UA")).build());

        assertThat(outcomes.stream().filter(o -> o.response != null)).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.code == Status.Code.ALREADY_EXISTS)).hasSize(PARALLEL - 1);
        String winner = outcomes.stream().filter(o -> o.response != null).findFirst().orElseThrow()
                .response.getAccreditation().getAccreditationId();
        assertThat(outcomes.stream().filter(o -> o.failure != null))
                .allSatisfy(o -> assertThat(GrpcAssertions.errorInfo(o.failure).getMetadataMap())
                        .containsEntry("accreditation_id", winner));
        assertThat(observer().listAccreditations(ListAccreditationsRequest.newBuilder().setElectionId(election)
                .build()).getAccreditationsList()).hasSize(1);
    }

    @Test
    void parallelRetriesOfOneApplicationAllGetTheSameAccreditation() throws Exception {
        ApplyForAccreditationRequest request = application(newOrganisation(), newElection(), person("TWIN2", "UA"))
                .build();

        List<Outcome> outcomes = inParallel(i -> request);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.response).isNotNull());
        assertThat(outcomes.stream().map(o -> o.response.getAccreditation().getAccreditationId()).distinct())
                .hasSize(1);
    }

    @Test
    void parallelApplicationsDoNotExceedTheQuota() throws Exception {
        String election = newElection();
        String org = newOrganisation();
        observer().setQuota(SetQuotaRequest.newBuilder().setOrganisationId(org).setElectionId(election)
                .setMaxObservers(5).setRequestId(requestId()).build());

        List<Outcome> outcomes = inParallel(i -> application(org, election, person("Q" + i, "UA")).build());

        assertThat(outcomes.stream().filter(o -> o.response != null)).hasSize(5);
        assertThat(outcomes.stream().filter(o -> o.code == Status.Code.FAILED_PRECONDITION)).hasSize(PARALLEL - 5);
        assertThat(observer().listAccreditations(ListAccreditationsRequest.newBuilder().setElectionId(election)
                .setStatus(AccreditationStatus.ACCREDITATION_STATUS_PENDING).build()).getAccreditationsList())
                .hasSize(5);
    }

    private record Outcome(ApplyForAccreditationResponse response, StatusRuntimeException failure,
            Status.Code code) {
    }

    private static List<Outcome> inParallel(IntFunction<ApplyForAccreditationRequest> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                ApplyForAccreditationRequest r = request.apply(i);
                futures.add(pool.submit(() -> {
                    start.await();
                    try {
                        return new Outcome(observer().applyForAccreditation(r), null, Status.Code.OK);
                    } catch (StatusRuntimeException e) {
                        return new Outcome(null, e, e.getStatus().getCode());
                    }
                }));
            }
            start.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
