package io.electa.registry.grpc;

import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import io.electa.registry.importing.ImportReport;
import io.electa.registry.importing.RowImport;
import io.electa.registry.importing.UpsertCounts;
import io.electa.registry.v1.ImportHeader;
import io.electa.support.domain.FieldViolation;
import io.electa.support.domain.InvalidArgumentException;
import io.electa.support.domain.Violations;
import io.electa.support.grpc.GrpcErrors;
import io.electa.support.idempotency.Idempotency;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.smallrye.mutiny.Uni;
import java.util.List;

/**
 * One client-streaming import call, driven with gRPC flow control: the next message is asked
 * for only while fewer than {@code parallelism} batches are being written, so a fast client
 * waits instead of filling the heap. The answer is sent once every batch has committed.
 *
 * @param <Q> request message of the stream
 * @param <R> a row as the importer takes it
 * @param <A> response message
 */
final class ImportCall<Q extends Message, R, A extends Message> implements StreamObserver<Q> {

    /** How one kind of import reads its messages and builds its answer. */
    interface Protocol<Q, R, A extends Message> {
        String method();

        /** The header, or null when the message carries rows. */
        ImportHeader header(Q request);

        /** The rows of a message that is not a header. */
        List<R> rows(Q request);

        A answer(ImportReport report);

        Parser<A> parser();
    }

    /** Rows one message may carry (the contract's limit). */
    static final int MAX_ROWS_PER_MESSAGE = 10_000;

    private enum State { AWAIT_HEADER, STARTING, ROWS, FINISHING, DONE }

    private final ServerCallStreamObserver<A> response;
    private final Protocol<Q, R, A> protocol;
    private final RowImport<R> importer;
    private final Idempotency idempotency;
    private final int parallelism;
    private State state = State.AWAIT_HEADER;
    private ImportHeader header;
    private ImportReport report;
    private long rowNumber;
    private int writing;
    private boolean clientDone;
    private boolean waitingForCapacity;

    ImportCall(StreamObserver<A> response, Protocol<Q, R, A> protocol, RowImport<R> importer, Idempotency idempotency,
            int parallelism) {
        this.response = (ServerCallStreamObserver<A>) response;
        this.protocol = protocol;
        this.importer = importer;
        this.idempotency = idempotency;
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
        } else if (state == State.ROWS) {
            List<R> rows = protocol.rows(message);
            if (rows.size() > MAX_ROWS_PER_MESSAGE) {
                fail(invalid("rows", "a message may carry at most " + MAX_ROWS_PER_MESSAGE + " rows, not " + rows.size()));
                return;
            }
            take(rows);
        }
    }

    @Override
    public synchronized void onError(Throwable cancelled) {
        // The client went away: batches already committed stay (imports are idempotent).
        state = State.DONE;
        importer.abort();
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
        flushIfBuffered();
        finishIfDone();
    }

    private void start(ImportHeader received) {
        if (received == null) {
            fail(invalid("header", "the first message must carry the header"));
            return;
        }
        Violations violations = new Violations()
                .electionId("header.election_id", received.getElectionId())
                .requestId("header.request_id", received.getRequestId());
        if (!violations.isEmpty()) {
            fail(violations.toException());
            return;
        }
        header = received;
        report = new ImportReport(received.getElectionId());
        state = State.STARTING;
        idempotency.lookup(protocol.method(), received.getRequestId(), received, protocol.parser())
                .chain(stored -> stored != null
                        ? Uni.createFrom().item(stored)
                        : importer.begin(received.getElectionId()).replaceWith((A) null))
                .subscribe().with(this::started, this::fail);
    }

    private synchronized void started(A storedAnswer) {
        if (state == State.DONE) {
            return;
        }
        if (storedAnswer != null) {
            answer(storedAnswer);
            return;
        }
        state = State.ROWS;
        if (clientDone) {
            finishIfDone();
        } else {
            response.request(1);
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
        importer.commit()
                .invoke(report::add)
                .map(committed -> protocol.answer(report))
                .call(answer -> idempotency.store(protocol.method(), header.getRequestId(), header, answer))
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
        importer.abort();
    }

    private static Throwable invalid(String field, String description) {
        return new InvalidArgumentException(List.of(new FieldViolation(field, description)));
    }
}
