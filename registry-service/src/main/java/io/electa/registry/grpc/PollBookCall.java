package io.electa.registry.grpc;

import com.google.protobuf.Timestamp;
import io.electa.common.v1.FieldViolationReason;
import io.electa.registry.pollbook.PollBooks;
import io.electa.registry.pollbook.QueuedMark;
import io.electa.registry.pollbook.QueuedMarkRules;
import io.electa.registry.pollbook.Verdict;
import io.electa.registry.v1.MarkOutcome;
import io.electa.registry.v1.MarkRejectionReason;
import io.electa.registry.v1.MarkVerdict;
import io.electa.registry.v1.PollBookHeader;
import io.electa.registry.v1.SyncPollBookRequest;
import io.electa.registry.v1.SyncPollBookResponse;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.grpc.GrpcErrors;
import io.electa.support.access.Caller;
import io.electa.support.idempotency.RequestKey;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One poll book upload, driven with gRPC flow control: the header is checked, then each message
 * of marks is recorded and answered before the next message is asked for, so a device uploading
 * millions of marks is slowed down to the database's pace instead of being buffered.
 */
final class PollBookCall implements StreamObserver<SyncPollBookRequest> {
    /** Device times within 1900..2999, so that an Instant holds them. */
    private static final long EARLIEST_SECOND = -2_208_988_800L;
    private static final long LATEST_SECOND = 32_503_680_000L;

    private enum State { AWAIT_HEADER, OPENING, MARKS, RECORDING, DONE }

    private final ServerCallStreamObserver<SyncPollBookResponse> response;
    private final PollBooks pollBooks;
    private State state = State.AWAIT_HEADER;
    private PollBookHeader header;
    private boolean clientDone;

    PollBookCall(StreamObserver<SyncPollBookResponse> response, PollBooks pollBooks) {
        this.response = (ServerCallStreamObserver<SyncPollBookResponse>) response;
        this.pollBooks = pollBooks;
        this.response.disableAutoRequest();
        this.response.request(1);
    }

    @Override
    public synchronized void onNext(SyncPollBookRequest message) {
        if (state == State.DONE) {
            return;
        }
        if (state == State.AWAIT_HEADER) {
            if (!message.hasHeader()) {
                fail(invalid("header", "the first message must carry the header"));
                return;
            }
            header = message.getHeader();
            state = State.OPENING;
            pollBooks.open(header.getElectionId(), header.getStationCode()).subscribe().with(ok -> opened(), this::fail);
        } else if (message.hasHeader()) {
            fail(invalid("header", "the header must be sent once, in the first message"));
        } else {
            state = State.RECORDING;
            pollBooks.record(header.getElectionId(), header.getStationCode(), Caller.current().subject(),
                            uploads(message))
                    .subscribe().with(this::answer, this::fail);
        }
    }

    @Override
    public synchronized void onError(Throwable cancelled) {
        // The device went away: every message answered is committed; the one in flight commits or not as a whole.
        state = State.DONE;
    }

    @Override
    public synchronized void onCompleted() {
        clientDone = true;
        if (state == State.AWAIT_HEADER) {
            fail(invalid("header", "the stream ended before its header"));
        } else if (state == State.MARKS) {
            finish();
        }
    }

    private synchronized void opened() {
        if (state != State.OPENING) {
            return;
        }
        state = State.MARKS;
        if (clientDone) {
            finish();
        } else {
            response.request(1);
        }
    }

    private synchronized void answer(List<Verdict> verdicts) {
        if (state != State.RECORDING) {
            return;
        }
        SyncPollBookResponse.Builder answer = SyncPollBookResponse.newBuilder();
        verdicts.forEach(v -> answer.addVerdicts(verdict(v)));
        response.onNext(answer.build());
        state = State.MARKS;
        if (clientDone) {
            finish();
        } else {
            response.request(1);
        }
    }

    private void finish() {
        state = State.DONE;
        response.onCompleted();
    }

    private synchronized void fail(Throwable failure) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        response.onError(GrpcErrors.toStatus(failure));
    }

    /** The message's marks, each checked on its own and keyed with the station. */
    private List<PollBooks.Upload> uploads(SyncPollBookRequest message) {
        Instant now = Instant.now();
        List<PollBooks.Upload> uploads = new ArrayList<>(message.getMarks().getMarksCount());
        for (io.electa.registry.v1.QueuedMark mark : message.getMarks().getMarksList()) {
            Instant deviceTime = instant(mark.hasDeviceTime() ? mark.getDeviceTime() : null);
            var wrong = QueuedMarkRules.check(mark.getNationalId(), deviceTime, mark.getDeviceId(),
                    mark.getRequestId(), now);
            if (wrong.isPresent()) {
                uploads.add(PollBooks.Upload.malformed(wrong.get()));
                continue;
            }
            RequestKey.Running fingerprint = RequestKey.running(PollBooks.METHOD, header);
            fingerprint.add(mark.toBuilder().clearRequestId().build());
            uploads.add(PollBooks.Upload.of(new QueuedMark(mark.getNationalId(), deviceTime, mark.getDeviceId(),
                    new RequestKey(mark.getRequestId(), PollBooks.METHOD, fingerprint.finish().fingerprint()))));
        }
        return uploads;
    }

    private static Instant instant(Timestamp t) {
        if (t == null || t.getSeconds() < EARLIEST_SECOND || t.getSeconds() >= LATEST_SECOND || t.getNanos() < 0
                || t.getNanos() > 999_999_999) {
            return null;
        }
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }

    private static MarkVerdict verdict(Verdict v) {
        MarkVerdict.Builder verdict = MarkVerdict.newBuilder().setRequestId(v.requestId()).setNationalId(v.nationalId())
                .setOutcome(MarkOutcome.valueOf("MARK_OUTCOME_" + v.outcome().name()))
                .setCountedStationCode(v.countedStation()).setMessage(v.message());
        if (v.rejection() != null) {
            verdict.setRejectionReason(MarkRejectionReason.valueOf("MARK_REJECTION_REASON_" + v.rejection().name()));
        }
        return verdict.build();
    }

    private static Throwable invalid(String field, String description) {
        return InvalidArgumentException.of(field, FieldViolationReason.MALFORMED, description);
    }
}
