package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.MarkOutcome;
import io.electa.registry.v1.MarkRejectionReason;
import io.electa.registry.v1.MarkVerdict;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.QueuedMark;
import io.electa.registry.v1.SyncPollBookResponse;
import io.electa.testing.PollBookUploads;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The poll book upload retried as devices retry: every mark carries its own request_id, so the
 * retry matrix's "same answer byte for byte" does not apply to the stream; instead every mark of
 * an upload sent again, or sent eight times at once, is recorded once and answered
 * ALREADY_RECORDED after that, and a mark's request_id reused for another mark, or taken by
 * another RPC, is REJECTED (REQUEST_ID_REUSED) and changes nothing.
 */
class PollBookRetryTest {
    /** The RPCs this test covers for the retry matrix. */
    static final Set<String> COVERED = Set.of("electa.registry.v1.PollBookService.SyncPollBook");
    private static final int TWINS = 8;

    @Test
    void theSameUploadAgainRecordsNothingTwice() {
        World world = World.polling();
        List<QueuedMark> marks = marks(world, "S1", "tablet-1");

        List<MarkVerdict> first = upload(world, "S1", marks);
        long after = voted(world, "S1");
        List<MarkVerdict> again = upload(world, "S1", marks);

        assertThat(first).extracting(MarkVerdict::getOutcome).containsOnly(MarkOutcome.MARK_OUTCOME_RECORDED);
        assertThat(again).extracting(MarkVerdict::getOutcome).containsOnly(MarkOutcome.MARK_OUTCOME_ALREADY_RECORDED);
        assertThat(after).isEqualTo(marks.size());
        assertThat(voted(world, "S1")).isEqualTo(after);
    }

    @Test
    void eightUploadsOfTheSamePollBookAtOnceRecordEveryMarkOnce() throws Exception {
        World world = World.polling();
        List<QueuedMark> marks = marks(world, "S2", "tablet-2");
        ExecutorService devices = Executors.newFixedThreadPool(TWINS);
        try {
            List<CompletableFuture<List<MarkVerdict>>> twins = new ArrayList<>();
            for (int i = 0; i < TWINS; i++) {
                twins.add(CompletableFuture.supplyAsync(() -> upload(world, "S2", marks), devices));
            }
            List<MarkVerdict> all = new ArrayList<>();
            for (CompletableFuture<List<MarkVerdict>> twin : twins) {
                all.addAll(twin.get());
            }
            assertThat(all.stream().filter(v -> v.getOutcome() == MarkOutcome.MARK_OUTCOME_RECORDED)
                    .map(MarkVerdict::getRequestId)).hasSize(marks.size()).doesNotHaveDuplicates();
            assertThat(all).extracting(MarkVerdict::getOutcome).containsOnly(MarkOutcome.MARK_OUTCOME_RECORDED,
                    MarkOutcome.MARK_OUTCOME_ALREADY_RECORDED);
            assertThat(voted(world, "S2")).isEqualTo(marks.size());
        } finally {
            devices.shutdownNow();
        }
    }

    @Test
    void aMarksRequestIdReusedForAnotherMarkOrTakenByAnotherRpcIsRejected() {
        World world = World.polling();
        List<QueuedMark> marks = marks(world, "S3", "tablet-3");
        upload(world, "S3", marks.subList(0, 1));
        String taken = World.requestId();
        world.registry().markVoted(MarkVotedRequest.newBuilder().setElectionId(world.electionId)
                .setNationalId(World.voter("S3", 2)).setStationCode("S3").setRequestId(taken).build());
        long before = voted(world, "S3");

        List<MarkVerdict> reused = upload(world, "S3", List.of(
                marks.get(3).toBuilder().setRequestId(marks.get(0).getRequestId()).build(),
                marks.get(4).toBuilder().setRequestId(taken).build()));

        assertThat(reused).extracting(MarkVerdict::getRejectionReason).containsOnly(
                MarkRejectionReason.MARK_REJECTION_REASON_REQUEST_ID_REUSED);
        assertThat(voted(world, "S3")).isEqualTo(before);
    }

    /** Every voter of the station, marked by one device. */
    private static List<QueuedMark> marks(World world, String station, String device) {
        Instant now = Instant.now();
        return IntStream.range(0, World.VOTERS_PER_STATION).mapToObj(n -> QueuedMark.newBuilder()
                .setNationalId(World.voter(station, n)).setDeviceId(device)
                .setDeviceTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond() - n))
                .setRequestId(World.requestId()).build()).toList();
    }

    private static List<MarkVerdict> upload(World world, String station, List<QueuedMark> marks) {
        List<SyncPollBookResponse> answers = PollBookUploads.upload(Suite.get().registryChannel, world.electionId,
                station, List.of(marks));
        return PollBookUploads.verdicts(answers);
    }

    private static long voted(World world, String station) {
        return world.registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(world.electionId)
                .setStationCode(station).build()).getTurnout().getVoted();
    }
}
