package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.GetRollDigestRequest;
import io.electa.registry.v1.RollDigest;
import io.electa.registry.v1.StationRollDigest;
import io.electa.registry.v1.StreamStationRollRequest;
import io.electa.registry.v1.VoterRow;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RollFreezeTest extends RegistryTestSupport {

    @Test
    void digestMatchesAnIndependentRecomputationFromTheRoll() throws Exception {
        String election = electionWithStations();
        importVoters(election, IntStream.range(0, 300).mapToObj(n -> voter(n, "S" + (1 + n % 2))).toList());

        RollDigest digest = registry().freezeRoll(FreezeRollRequest.newBuilder()
                .setElectionId(election).setRequestId(requestId()).build()).getDigest();

        assertThat(digest.getTotalRegistered()).isEqualTo(300);
        assertThat(digest.getStationsList()).extracting(StationRollDigest::getStationCode)
                .containsExactly("S1", "S2", "S3");
        StringBuilder electionLines = new StringBuilder();
        for (StationRollDigest station : digest.getStationsList()) {
            List<String> ids = new ArrayList<>();
            registry().streamStationRoll(StreamStationRollRequest.newBuilder()
                    .setElectionId(election).setStationCode(station.getStationCode()).build())
                    .forEachRemaining(r -> ids.add(r.getVoter().getNationalId()));
            assertThat(station.getRollSize()).isEqualTo(ids.size());
            assertThat(station.getSha256()).isEqualTo(sha256(sortedLines(ids)));
            electionLines.append(station.getStationCode()).append(':').append(station.getRollSize()).append(':')
                    .append(station.getSha256()).append('\n');
        }
        assertThat(digest.getSha256()).isEqualTo(sha256(electionLines.toString()));
    }

    @Test
    void publishedDigestIsStable() {
        String election = electionWithStations();
        importVoters(election, IntStream.range(0, 50).mapToObj(n -> voter(n, "S1")).toList());
        freezeRoll(election);

        RollDigest first = digest(election, "");
        RollDigest second = digest(election, "");

        assertThat(second).isEqualTo(first);
        assertThat(digest(election, "S1").getStationsList()).containsExactly(first.getStations(0));
    }

    @Test
    void anyChangeToTheRollChangesTheDigest() {
        List<VoterRow> roll = IntStream.range(0, 50).mapToObj(n -> voter(n, "S1")).toList();
        String original = frozenElection(roll);
        List<VoterRow> oneMoved = new ArrayList<>(roll);
        oneMoved.set(7, voter(7, "S2"));
        List<VoterRow> oneReplaced = new ArrayList<>(roll);
        oneReplaced.set(7, voter(1_000, "S1"));

        String moved = frozenElection(oneMoved);
        String replaced = frozenElection(oneReplaced);
        String same = frozenElection(roll);

        assertThat(digest(same, "").getSha256()).isEqualTo(digest(original, "").getSha256());
        assertThat(digest(moved, "").getSha256()).isNotEqualTo(digest(original, "").getSha256());
        assertThat(digest(replaced, "S1").getStations(0).getSha256())
                .isNotEqualTo(digest(original, "S1").getStations(0).getSha256());
    }

    @Test
    void emptyStationDigestIsTheHashOfNothing() throws Exception {
        String election = frozenElection(List.of(voter(1, "S1")));

        StationRollDigest empty = digest(election, "S3").getStations(0);

        assertThat(empty.getRollSize()).isZero();
        assertThat(empty.getSha256()).isEqualTo(sha256(""));
    }

    @Test
    void digestBeforeFreezeIsFailedPrecondition() {
        String election = electionWithStations();

        failure(Status.Code.FAILED_PRECONDITION, () -> digest(election, ""));
    }

    @Test
    void digestOfUnknownStationIsNotFound() {
        String election = frozenElection(List.of(voter(1, "S1")));

        failure(Status.Code.NOT_FOUND, () -> digest(election, "S404"));
    }

    private static String frozenElection(List<VoterRow> roll) {
        String election = electionWithStations();
        importVoters(election, roll);
        freezeRoll(election);
        return election;
    }

    private static RollDigest digest(String election, String station) {
        return registry().getRollDigest(GetRollDigestRequest.newBuilder()
                .setElectionId(election).setStationCode(station).build()).getDigest();
    }

    private static String sortedLines(List<String> ids) {
        StringBuilder lines = new StringBuilder();
        ids.stream().sorted().forEach(id -> lines.append(id).append('\n'));
        return lines.toString();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
