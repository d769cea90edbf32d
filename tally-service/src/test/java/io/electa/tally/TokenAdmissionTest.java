package io.electa.tally;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.client.auth.Grant;
import io.electa.client.auth.LocalTokenKeys;
import io.electa.tally.v1.GetProtocolRequest;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.testing.TestTokens;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The tally verifies a token it has not seen recently on a worker thread, off the event loop
 * (InboundGuard.guardOffEventLoop): the call waits for the verdict, and is admitted or refused
 * exactly as when the token is checked on the event loop.
 */
@QuarkusTest
class TokenAdmissionTest extends TallyTestSupport {

    @Test
    void tokensThatDoNotVerifyAreRefusedAndTheirCallsChangeNothing() throws Exception {
        Scenario s = counting(1, 1);
        Grant clerk = Grant.clerkOf("D1-S1");
        Map<String, String> tokens = Map.of(
                "expired", TestTokens.token("late", clerk, Duration.ofMinutes(-10)),
                "signed by another key", LocalTokenKeys.in(Files.createTempDirectory("foreign-keys"))
                        .signer(TestTokens.ISSUER).issue("forger", clerk, Duration.ofHours(1)),
                "from another issuer", LocalTokenKeys.in(TestTokens.FOLDER).signer("someone-else")
                        .issue("stranger", clerk, Duration.ofHours(1)));
        for (Map.Entry<String, String> token : tokens.entrySet()) {
            var refused = failure(Status.Code.UNAUTHENTICATED, () -> tally()
                    .withCallCredentials(TestTokens.bearer(token.getValue()))
                    .submitProtocol(submission(s.electionId, "D1-S1")));
            assertThat(errorInfo(refused).getReason()).as(token.getKey()).isEqualTo("TOKEN_INVALID");
        }
        failure(Status.Code.NOT_FOUND, () -> tally().getProtocol(GetProtocolRequest.newBuilder()
                .setElectionId(s.electionId).setStationCode("D1-S1").build()));
    }

    @Test
    void clerksCallingAtOnceWithNewTokensAreEachAdmittedAsThemselves() throws Exception {
        Scenario s = counting(2, 8);
        ExecutorService clerks = Executors.newFixedThreadPool(8);
        try {
            List<Future<Protocol>> submitted = new ArrayList<>();
            for (String station : s.stationCodes()) {
                String token = TestTokens.token("clerk-of-" + station, Grant.clerkOf(station), Duration.ofMinutes(10));
                submitted.add(clerks.submit(() -> tally().withCallCredentials(TestTokens.bearer(token))
                        .submitProtocol(submission(s.electionId, station, s.rollSize.get(station))).getProtocol()));
            }
            for (Future<Protocol> answer : submitted) {
                Protocol protocol = answer.get();
                assertThat(protocol.getSubmittedBy()).isEqualTo("clerk-of-" + protocol.getStationCode());
            }
        } finally {
            clerks.shutdownNow();
        }
        assertThat(nation(s.electionId).getStationsReported()).isEqualTo(16);
    }

    private static SubmitProtocolRequest submission(String electionId, String station) {
        return submission(electionId, station, 11);
    }

    private static SubmitProtocolRequest submission(String electionId, String station, long registered) {
        return SubmitProtocolRequest.newBuilder().setElectionId(electionId).setStationCode(station)
                .setFigures(earlyOnly(registered, 0, 1, 1, 1)).setRequestId(requestId()).build();
    }
}
