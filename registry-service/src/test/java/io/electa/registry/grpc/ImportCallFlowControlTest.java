package io.electa.registry.grpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Parser;
import io.electa.registry.importing.ImportReport;
import io.electa.registry.importing.Rejection;
import io.electa.registry.importing.RowImport;
import io.electa.registry.importing.UpsertCounts;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import io.electa.support.idempotency.RequestKey;
import io.electa.support.idempotency.StoredRequest;
import io.electa.support.idempotency.StreamClaim;
import io.grpc.stub.ServerCallStreamObserver;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The import call's own flow control, against in-process fakes of the stream and the storage:
 * however many batches one message fills, no more messages are asked for while
 * {@code parallelism} batches are being written, so memory stays bounded.
 */
class ImportCallFlowControlTest {
    private static final int PARALLELISM = 2;
    private static final int BATCH = 5;

    @Test
    void neverAsksForMoreWhileParallelismBatchesAreBeingWritten() {
        FakeStream response = new FakeStream();
        SlowStorage storage = new SlowStorage();
        ImportCall<ImportVotersRequest, Integer, ImportVotersResponse> call =
                new ImportCall<>(response, new Protocol(), storage,
                        (method, header) -> Uni.createFrom().item(new NothingStored()), PARALLELISM);

        call.onNext(header());
        storage.started.complete(null);
        int sent = 1;
        // The client keeps sending whatever the server asks for; every message fills two batches.
        for (int round = 0; round < 400; round++) {
            while (response.requested > 0 && sent < 101) {
                response.requested--;
                call.onNext(rows(2 * BATCH));
                sent++;
            }
            storage.completeOldest();
            assertThat(storage.writing.size()).isLessThanOrEqualTo(PARALLELISM + 2);
        }
        assertThat(storage.maxWriting).isLessThanOrEqualTo(PARALLELISM + 2);
        assertThat(sent).as("the whole stream got through").isEqualTo(101);
    }

    /** A claim that is always free and keeps nothing: this test is about flow control only. */
    private static final class NothingStored implements StreamClaim {
        @Override
        public boolean claimed() {
            return true;
        }

        @Override
        public StoredRequest stored() {
            return null;
        }

        @Override
        public Uni<Void> complete(RequestKey key, com.google.protobuf.Message answer) {
            return Uni.createFrom().voidItem();
        }

        @Override
        public void release() {
        }
    }

    private static ImportVotersRequest header() {
        return ImportVotersRequest.newBuilder()
                .setHeader(ImportHeader.newBuilder().setElectionId("e1").setRequestId("r1")).build();
    }

    private static ImportVotersRequest rows(int n) {
        VoterRows.Builder rows = VoterRows.newBuilder();
        for (int i = 0; i < n; i++) {
            rows.addRows(VoterRow.getDefaultInstance());
        }
        return ImportVotersRequest.newBuilder().setVoters(rows).build();
    }

    private static final class Protocol implements ImportCall.Protocol<ImportVotersRequest, Integer, ImportVotersResponse> {
        @Override
        public String method() {
            return "test/Import";
        }

        @Override
        public ImportHeader header(ImportVotersRequest request) {
            return request.hasHeader() ? request.getHeader() : null;
        }

        @Override
        public List<Integer> rows(ImportVotersRequest request) {
            return Collections.nCopies(request.getVoters().getRowsCount(), 1);
        }

        @Override
        public ImportVotersResponse answer(ImportReport report) {
            return ImportVotersResponse.getDefaultInstance();
        }

        @Override
        public Parser<ImportVotersResponse> parser() {
            return ImportVotersResponse.parser();
        }
    }

    /** Storage whose writes finish only when the test says so. */
    private static final class SlowStorage implements RowImport<Integer> {
        final java.util.concurrent.CompletableFuture<Void> started = new java.util.concurrent.CompletableFuture<>();
        final ArrayDeque<UniEmitter<? super UpsertCounts>> writing = new ArrayDeque<>();
        int buffered;
        int maxWriting;

        @Override
        public Uni<Void> begin(String electionId) {
            return Uni.createFrom().completionStage(started);
        }

        @Override
        public Optional<Rejection> accept(long rowNumber, Integer row) {
            buffered++;
            return Optional.empty();
        }

        @Override
        public boolean batchFull() {
            return buffered >= BATCH;
        }

        @Override
        public boolean hasBuffered() {
            return buffered > 0;
        }

        @Override
        public Uni<UpsertCounts> writeBuffered() {
            buffered = 0;
            return Uni.createFrom().emitter(emitter -> {
                writing.add(emitter);
                maxWriting = Math.max(maxWriting, writing.size());
            });
        }

        void completeOldest() {
            UniEmitter<? super UpsertCounts> oldest = writing.poll();
            if (oldest != null) {
                oldest.complete(new UpsertCounts(BATCH, 0, 0));
            }
        }
    }

    /** The server side of the call: records how many messages were asked for. */
    private static final class FakeStream extends ServerCallStreamObserver<ImportVotersResponse> {
        int requested;

        @Override
        public void request(int count) {
            requested += count;
        }

        @Override
        public void disableAutoRequest() {
        }

        @Override
        public void disableAutoInboundFlowControl() {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public void setOnCancelHandler(Runnable onCancelHandler) {
        }

        @Override
        public void setCompression(String compression) {
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setOnReadyHandler(Runnable onReadyHandler) {
        }

        @Override
        public void setMessageCompression(boolean enable) {
        }

        @Override
        public void onNext(ImportVotersResponse value) {
        }

        @Override
        public void onError(Throwable t) {
        }

        @Override
        public void onCompleted() {
        }
    }
}
