package io.electa.registry.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.common.v1.FieldViolationReason;
import io.electa.registry.importing.ImportReport;
import io.electa.registry.importing.RowImport;
import io.electa.registry.importing.UpsertCounts;
import io.electa.registry.v1.ImportHeader;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.grpc.GrpcErrors;
import io.electa.support.idempotency.RequestKey;
import io.electa.support.idempotency.StreamClaim;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.BiFunction;

/**
 * One client-streaming import call, driven with gRPC flow control: the next message is asked
 * for only while fewer than {@code parallelism} batches are being written, so a fast client
 * waits instead of filling the heap. The answer is sent once every batch has committed.
 *
 * <p>Once per request_id, like every mutation ({@link StreamClaim}): the header claims the
 * request_id; the stream's fingerprint is a running hash of the header and of every message.
 * A stream whose request_id was answered before imports nothing: it is read to its end and
 * answered with the stored report if it is the same stream again, or refused
 * (REQUEST_ID_REUSED) if its content differs.
 *
 * @param <Q> request message of the stream
 * @param <R> a row as the importer takes it
 * @param <A> response message
 */
final class ImportCall<Q extends Message, R, A extends Message> implements StreamObserver<Q> {

    /** How one kind of import reads its messages and builds its answer. */
    interface Protocol<Q, R, A extends Message> {
        /** The full gRPC method name of the stream. */
        String method();

        /** The header, or null when the message carries rows. */
        ImportHeader header(Q request);

        /** The rows of a message that is not a header. */
        List<R> rows(Q request);

        A answer(ImportReport report);

        Parser<A> parser();
    }

    private enum State { AWAIT_HEADER, CLAIMING, ROWS, DRAINING, FINISHING, DONE }

    private final ServerCallStreamObserver<A> response;
    private final Protocol<Q, R, A> protocol;
    private final RowImport<R> importer;
    private final BiFunction<String, ImportHeader, Uni<StreamClaim>> claims;
    private final int parallelism;
    private State state = State.AWAIT_HEADER;
    private StreamClaim claim;
    private RequestKey.Running fingerprint;
    private ImportReport report;
    private long rowNumber;
    private int writing;
    private boolean clientDone;
    private boolean waitingForCapacity;

    ImportCall(StreamObserver<A> response, Protocol<Q, R, A> protocol, RowImport<R> importer,
            BiFunction<String, ImportHeader, Uni<StreamClaim>> claims, int parallelism) {
        this.response = (ServerCallStreamObserver<A>) response;
        this.protocol = protocol;
        this.importer = importer;
        this.claims = claims;
        this.parallelism = parallelism;
        this.response.disableAutoRequest();
        this.response.request(1);
    }

    @Override
    public synchronized void onNext(Q message) {
        if (state == State.DONE) {
            return;
        }
        ImportHeader received = protocol.header(message);
        if (state == State.AWAIT_HEADER) {
            start(received);
        } else if (received != null) {
            fail(invalid("header", "the header must be sent once, in the first message"));
        } else if (state == State.DRAINING) {
            fingerprint.add(message);
            response.request(1);
        } else if (state == State.ROWS) {
            fingerprint.add(message);
            take(protocol.rows(message));
        }
    }

    @Override
    public synchronized void onError(Throwable cancelled) {
        // The client went away: batches already committed stay (imports are idempotent).
        state = State.DONE;
        giveUp();
    }

    @Override
    public synchronized void onCompleted() {
        if (state == State.DONE) {
            return;
        }
        if (state == State.AWAIT_HEADER) {
            fail(invalid("header", "the stream ended before its header"));
            return;
        }
        clientDone = true;
        if (state == State.DRAINING) {
            answerStored();
            return;
        }
        flushIfBuffered();
        finishIfDone();
    }

    private void start(ImportHeader received) {
        if (received == null) {
            fail(invalid("header", "the first message must carry the header"));
            return;
        }
        report = new ImportReport(received.getElectionId());
        fingerprint = RequestKey.running(protocol.method(), received);
        state = State.CLAIMING;
        claims.apply(protocol.method(), received)
                .invoke(this::holding)
                .call(claimed -> claimed.claimed() ? importer.begin(received.getElectionId())
                        : Uni.createFrom().voidItem())
                .subscribe().with(this::started, this::fail);
    }

    /** The claim is held from now on, so that every way out releases it. */
    private synchronized void holding(StreamClaim claimed) {
        claim = claimed;
        if (state == State.DONE) {
            claimed.release();
        }
    }

    private synchronized void started(StreamClaim claimed) {
        if (state == State.DONE) {
            giveUp();
            return;
        }
        state = claimed.claimed() ? State.ROWS : State.DRAINING;
        if (clientDone) {
            onCompleted();
        } else {
            response.request(1);
        }
    }

    /** A stream answered before: the stored report if it is the same stream, else refused. */
    private void answerStored() {
        try {
            A stored = claim.stored().answerTo(fingerprint.finish(), protocol.parser());
            claim.release();
            answer(stored);
        } catch (RuntimeException refused) {
            fail(refused);
        }
    }

    private void take(List<R> rows) {
        for (R row : rows) {
            rowNumber++;
            report.received();
            importer.accept(rowNumber, row).ifPresent(report::reject);
            if (importer.batchFull()) {
                write();
            }
        }
        askForMore();
    }

    private void askForMore() {
        if (writing < parallelism) {
            response.request(1);
        } else {
            waitingForCapacity = true;
        }
    }

    private void flushIfBuffered() {
        if (importer.hasBuffered()) {
            write();
        }
    }

    private void write() {
        writing++;
        importer.writeBuffered().subscribe().with(this::written, this::fail);
    }

    private synchronized void written(UpsertCounts counts) {
        if (state == State.DONE) {
            return;
        }
        writing--;
        report.add(counts);
        if (waitingForCapacity && !clientDone && writing < parallelism) {
            waitingForCapacity = false;
            response.request(1);
        }
        finishIfDone();
    }

    private void finishIfDone() {
        if (state != State.ROWS || !clientDone || writing > 0) {
            return;
        }
        state = State.FINISHING;
        RequestKey key = fingerprint.finish();
        importer.commit()
                .invoke(report::add)
                .map(committed -> protocol.answer(report))
                .call(answer -> claim.complete(key, answer))
                .subscribe().with(this::answered, this::fail);
    }

    private synchronized void answered(A answer) {
        if (state != State.DONE) {
            answer(answer);
        }
    }

    private void answer(A answer) {
        state = State.DONE;
        response.onNext(answer);
        response.onCompleted();
    }

    private synchronized void fail(Throwable failure) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        response.onError(GrpcErrors.toStatus(failure));
        giveUp();
    }

    /** Nothing written and not yet committed stays, and the request_id is free again. */
    private void giveUp() {
        importer.abort();
        if (claim != null) {
            claim.release();
        }
    }

    private static Throwable invalid(String field, String description) {
        return InvalidArgumentException.of(field, FieldViolationReason.MALFORMED, description);
    }
}
