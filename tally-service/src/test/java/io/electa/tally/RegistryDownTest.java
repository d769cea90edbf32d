package io.electa.tally;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.tally.v1.GetProtocolRequest;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.SubmitProtocolResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The registry goes down in the middle of the count, and comes back. */
@QuarkusTest
class RegistryDownTest extends TallyTestSupport {

    @Test
    void whileTheRegistryIsDownASubmissionIsUnavailableStoresNothingAndARetryLaterStoresItOnce() throws Exception {
        Scenario s = counting(1, 1);
        SubmitProtocolRequest request = SubmitProtocolRequest.newBuilder().setElectionId(s.electionId)
                .setStationCode("D1-S1").setFigures(earlyOnly(11, 0, 2, 1, 1)).setRequestId(requestId()).build();

        RealRegistry.process().stop();
        try {
            var e = failure(Status.Code.UNAVAILABLE, () -> tally().submitProtocol(request));
            assertThat(e.getStatus().getDescription()).contains("registry")
                    .as("the dependency's own description stays inside").doesNotContain("remote_addr")
                    .doesNotContain("127.0.0.1");
            assertThat(errorInfo(e).getReason()).isEqualTo("DEPENDENCY_UNAVAILABLE");
            assertThat(errorInfo(e).getMetadataMap()).containsEntry("service", "registry");
            failure(Status.Code.NOT_FOUND, () -> tally().getProtocol(GetProtocolRequest.newBuilder()
                    .setElectionId(s.electionId).setStationCode("D1-S1").build()));
        } finally {
            RealRegistry.process().restart();
        }

        SubmitProtocolResponse stored = retryWhileUnavailable(request);
        SubmitProtocolResponse again = tally().submitProtocol(request);

        assertThat(stored.getProtocol().getStatus()).isEqualTo(ProtocolStatus.PROTOCOL_STATUS_ACCEPTED);
        assertThat(again).isEqualTo(stored);
        assertThat(tally().getProtocol(GetProtocolRequest.newBuilder().setElectionId(s.electionId)
                .setStationCode("D1-S1").build()).getVersionsCount()).isEqualTo(1);
        assertThat(nation(s.electionId).getBallotsValid()).isEqualTo(4);
    }

    /** What a client does: retry the same request (same request_id) while the answer is UNAVAILABLE. */
    private static SubmitProtocolResponse retryWhileUnavailable(SubmitProtocolRequest request) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                return tally().submitProtocol(request);
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.UNAVAILABLE || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
    }
}
