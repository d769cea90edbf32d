package io.electa.testing;

import io.electa.registry.v1.MarkVerdict;
import io.electa.registry.v1.PollBookHeader;
import io.electa.registry.v1.PollBookServiceGrpc;
import io.electa.registry.v1.QueuedMark;
import io.electa.registry.v1.QueuedMarks;
import io.electa.registry.v1.SyncPollBookRequest;
import io.electa.registry.v1.SyncPollBookResponse;
import io.grpc.Channel;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A station's poll book uploaded as a device would: the header, then messages of marks. */
public final class PollBookUploads {
    private PollBookUploads() {
    }

    /**
     * Uploads {@code messages} after the header (no header when {@code station} is null); every
     * answer, or the failed call's StatusRuntimeException.
     */
    public static List<SyncPollBookResponse> upload(Channel channel, String election, String station,
            List<List<QueuedMark>> messages) {
        CompletableFuture<List<SyncPollBookResponse>> done = new CompletableFuture<>();
        List<SyncPollBookResponse> answers = Collections.synchronizedList(new ArrayList<>());
        StreamObserver<SyncPollBookRequest> upload = PollBookServiceGrpc.newStub(channel)
                .withDeadlineAfter(60, TimeUnit.SECONDS).syncPollBook(new StreamObserver<>() {
                    @Override
                    public void onNext(SyncPollBookResponse answer) {
                        answers.add(answer);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        done.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        done.complete(List.copyOf(answers));
                    }
                });
        if (station != null) {
            upload.onNext(SyncPollBookRequest.newBuilder().setHeader(PollBookHeader.newBuilder()
                    .setElectionId(election).setStationCode(station)).build());
        }
        for (List<QueuedMark> message : messages) {
            upload.onNext(SyncPollBookRequest.newBuilder().setMarks(QueuedMarks.newBuilder().addAllMarks(message))
                    .build());
        }
        upload.onCompleted();
        return StreamObservers.await(done);
    }

    /** The verdicts of every answer, in order. */
    public static List<MarkVerdict> verdicts(List<SyncPollBookResponse> answers) {
        return answers.stream().flatMap(a -> a.getVerdictsList().stream()).toList();
    }
}
