package io.electa.benchmarks;

import com.google.protobuf.Timestamp;
import io.electa.registry.v1.MarkOutcome;
import io.electa.registry.v1.MarkVerdict;
import io.electa.registry.v1.PollBookHeader;
import io.electa.registry.v1.PollBookServiceGrpc;
import io.electa.registry.v1.QueuedMark;
import io.electa.registry.v1.QueuedMarks;
import io.electa.registry.v1.SyncPollBookRequest;
import io.electa.registry.v1.SyncPollBookResponse;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Stations' poll books uploaded through {@code PollBookService.SyncPollBook}: one stream per
 * station's queue (header, then its marks in one message), many stations at once.
 */
final class PollBookUploads {
    private final ManagedChannel channel;
    private final String electionId;
    private final LongAdder recorded = new LongAdder();
    private final LongAdder other = new LongAdder();

    PollBookUploads(ManagedChannel channel, String electionId) {
        this.channel = channel;
        this.electionId = electionId;
    }

    /** Uploads one station's queue and waits for its verdicts. */
    void upload(StationQueue queue) throws Exception {
        Timestamp now = Timestamp.newBuilder().setSeconds(Instant.now().getEpochSecond()).build();
        QueuedMarks.Builder marks = QueuedMarks.newBuilder();
        for (StationQueue.Mark mark : queue.marks()) {
            marks.addMarks(QueuedMark.newBuilder().setNationalId(mark.nationalId()).setDeviceTime(now)
                    .setDeviceId(queue.deviceId()).setRequestId(mark.requestId()));
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        StreamObserver<SyncPollBookRequest> requests = PollBookServiceGrpc.newStub(channel)
                .withDeadlineAfter(60, TimeUnit.SECONDS).syncPollBook(new StreamObserver<>() {
                    @Override
                    public void onNext(SyncPollBookResponse answer) {
                        for (MarkVerdict verdict : answer.getVerdictsList()) {
                            (verdict.getOutcome() == MarkOutcome.MARK_OUTCOME_RECORDED ? recorded : other).increment();
                        }
                    }

                    @Override
                    public void onError(Throwable failure) {
                        done.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(null);
                    }
                });
        requests.onNext(SyncPollBookRequest.newBuilder().setHeader(PollBookHeader.newBuilder()
                .setElectionId(electionId).setStationCode(queue.stationCode())).build());
        requests.onNext(SyncPollBookRequest.newBuilder().setMarks(marks).build());
        requests.onCompleted();
        done.get(60, TimeUnit.SECONDS);
    }

    /** Marks answered RECORDED so far. */
    long recorded() {
        return recorded.sum();
    }

    /** Marks answered anything else so far. */
    long notRecorded() {
        return other.sum();
    }

    /** One station's queued marks. */
    record StationQueue(String stationCode, String deviceId, List<Mark> marks) {
        record Mark(String nationalId, String requestId) {
        }
    }
}
