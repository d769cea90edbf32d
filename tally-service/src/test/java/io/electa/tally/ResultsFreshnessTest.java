package io.electa.tally;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.CertifyResultsRequest;
import io.electa.tally.v1.CertifyResultsResponse;
import io.electa.tally.v1.GetResultsRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ResultsStatus;
import io.electa.tally.v1.TallyServiceGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * GetResults is served from district totals held in memory and read again once per refresh
 * interval: how old its figures may be, that a read does not touch the database, and that what
 * must decide on the current figures (certification) still reads them from the database.
 */
@QuarkusTest
class ResultsFreshnessTest extends TallyTestSupport {
    /** As ResultsSnapshots: a snapshot this many refresh intervals old is not served. */
    private static final int MAX_AGE_INTERVALS = 10;

    @Inject
    Pool pool;

    @ConfigProperty(name = "electa.results.refresh-interval")
    Duration refreshInterval;

    @Test
    void aReadMadeTenRefreshIntervalsAfterAnAcknowledgementShowsTheProtocolExactly() {
        Scenario s = counting(2, 2);
        long registered1 = s.rollSize.get("D1-S1");
        long registered2 = s.rollSize.get("D2-S1");
        submit(s.electionId, "D1-S1", earlyOnly(registered1, 1, 5, 2, 0));
        read(s.electionId, null);
        read(s.electionId, "D2");

        Protocol second = submit(s.electionId, "D2-S1", earlyOnly(registered2, 0, 1, 1, 1));
        sleepMillis(MAX_AGE_INTERVALS * refreshInterval.toMillis() + 20);
        Results nation = read(s.electionId, null);
        Results d2 = read(s.electionId, "D2");

        assertThat(nation.getLedgerSequence()).isGreaterThanOrEqualTo(second.getLedgerSequence());
        assertThat(nation.getStationsReported()).isEqualTo(2);
        assertThat(nation.getVotersRegistered()).isEqualTo(registered1 + registered2);
        assertThat(nation.getBallotsValid()).isEqualTo(10);
        assertThat(nation.getCandidatesList()).extracting(CandidateResult::getVotes).containsExactly(6L, 3L, 1L);
        assertThat(d2.getLedgerSequence()).isGreaterThanOrEqualTo(second.getLedgerSequence());
        assertThat(d2.getStationsReported()).isEqualTo(1);
        assertThat(d2.getStationsTotal()).isEqualTo(2);
        assertThat(d2.getCandidatesList()).extracting(CandidateResult::getVotes).containsExactly(1L, 1L, 1L);
    }

    @Test
    void readsAreAnsweredFromMemoryWhileTheTotalsAreLockedButNotWithFiguresOlderThanTheBound() {
        Scenario s = counting(1, 2);
        submit(s.electionId, "D1-S1", earlyOnly(11, 1, 5, 2, 0));
        Results current = nation(s.electionId);
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        Transaction lock = connection.begin().await().atMost(Duration.ofSeconds(10));
        try {
            connection.query("LOCK TABLE district_totals IN ACCESS EXCLUSIVE MODE").execute()
                    .await().atMost(Duration.ofSeconds(10));

            Results whileLocked = withDeadline(2000).getResults(request(s.electionId)).getResults();
            assertThat(whileLocked.getLedgerSequence()).as("served from memory: no read of the locked table")
                    .isEqualTo(current.getLedgerSequence());
            assertThat(whileLocked.getCandidatesList()).extracting(CandidateResult::getVotes)
                    .containsExactly(5L, 2L, 0L);

            sleepMillis(MAX_AGE_INTERVALS * refreshInterval.toMillis() + 100);
            // On a connection of its own: the answer comes once the lock is gone, after the deadline.
            int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
            ManagedChannel own = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext().build();
            try {
                failure(Status.Code.DEADLINE_EXCEEDED, () -> TallyServiceGrpc.newBlockingStub(own)
                        .withDeadlineAfter(300, TimeUnit.MILLISECONDS).getResults(request(s.electionId)));
            } finally {
                own.shutdownNow();
            }
        } finally {
            lock.rollback().await().atMost(Duration.ofSeconds(10));
            connection.close().await().atMost(Duration.ofSeconds(10));
        }
        assertThat(withDeadline(10_000).getResults(request(s.electionId)).getResults().getStationsReported())
                .isEqualTo(1);
    }

    @Test
    void certificationDecidesOnTheDatabasesCurrentFiguresNotOnTheServedOnes() {
        Scenario s = counting(1, 2);
        submit(s.electionId, "D1-S1", earlyOnly(11, 0, 4, 1, 0));
        Results reviewed = nation(s.electionId);
        assertThat(reviewed.getStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_UNOFFICIAL_PARTIAL);

        Protocol last = submit(s.electionId, "D1-S2", earlyOnly(12, 0, 1, 3, 0));
        var changed = failure(Status.Code.FAILED_PRECONDITION,
                () -> certify(s.electionId, reviewed.getLedgerSequence()));
        assertThat(errorInfo(changed).getReason()).isEqualTo("RESULTS_CHANGED");
        assertThat(errorInfo(changed).getMetadataMap())
                .containsEntry("ledger_sequence", Long.toString(last.getLedgerSequence()));
        CertifyResultsResponse certified = certify(s.electionId, 0);

        Results figures = certified.getCertification().getResults();
        assertThat(figures.getStationsReported()).as("the protocol acknowledged just before").isEqualTo(2);
        assertThat(figures.getCandidatesList()).extracting(CandidateResult::getVotes).containsExactly(5L, 4L, 0L);
        Results published = nation(s.electionId);
        assertThat(published.getStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_CERTIFIED);
        assertThat(published.getCandidatesList()).isEqualTo(figures.getCandidatesList());
    }

    private static Results read(String electionId, String district) {
        GetResultsRequest.Builder request = GetResultsRequest.newBuilder().setElectionId(electionId);
        if (district != null) {
            request.setDistrictCode(district);
        }
        return tally().getResults(request.build()).getResults();
    }

    private static GetResultsRequest request(String electionId) {
        return GetResultsRequest.newBuilder().setElectionId(electionId).build();
    }

    private static TallyServiceGrpc.TallyServiceBlockingStub withDeadline(long millis) {
        return TallyServiceGrpc.newBlockingStub(tallyChannel()).withDeadlineAfter(millis, TimeUnit.MILLISECONDS);
    }

    private static CertifyResultsResponse certify(String electionId, long expected) {
        return tally().certifyResults(CertifyResultsRequest.newBuilder().setElectionId(electionId)
                .setExpectedLedgerSequence(expected).setRequestId(requestId()).build());
    }
}
