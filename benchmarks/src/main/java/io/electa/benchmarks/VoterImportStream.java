package io.electa.benchmarks;

import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import io.electa.scenario.SyntheticVoter;
import io.electa.scenario.VoterGenerator;
import io.grpc.ManagedChannel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Streams the synthetic roll through {@code RollImportService.ImportVoters}: the header, then
 * messages of up to 10,000 rows generated on the fly. Client-side flow control: a message is
 * built and sent only while the call {@code isReady()}, and sending resumes from the
 * {@code onReady} handler, so the client never buffers more than the transport asks for.
 */
final class VoterImportStream {
    private static final long PROGRESS_EVERY = 1_000_000;

    private VoterImportStream() {
    }

    /** Runs the whole import and returns the registry's report. */
    static ImportReport run(ManagedChannel channel, String electionId, VoterGenerator voters, int rowsPerMessage)
            throws InterruptedException, ExecutionException {
        CompletableFuture<ImportVotersResponse> answer = new CompletableFuture<>();
        RollImportServiceGrpc.newStub(channel).importVoters(new Sender(electionId, voters, rowsPerMessage, answer));
        return answer.get().getReport();
    }

    /** Feeds the request stream from the onReady handler and collects the answer. */
    private static final class Sender implements ClientResponseObserver<ImportVotersRequest, ImportVotersResponse> {
        private final String electionId;
        private final VoterGenerator voters;
        private final int rowsPerMessage;
        private final CompletableFuture<ImportVotersResponse> answer;
        private ClientCallStreamObserver<ImportVotersRequest> requests;
        private boolean headerSent;
        private long next;
        private volatile boolean finished;

        Sender(String electionId, VoterGenerator voters, int rowsPerMessage,
                CompletableFuture<ImportVotersResponse> answer) {
            this.electionId = electionId;
            this.voters = voters;
            this.rowsPerMessage = rowsPerMessage;
            this.answer = answer;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<ImportVotersRequest> requests) {
            this.requests = requests;
            requests.setOnReadyHandler(this::sendWhileReady);
        }

        /** gRPC calls this serially, whenever the call becomes ready for more. */
        private void sendWhileReady() {
            while (!finished && requests.isReady()) {
                if (!headerSent) {
                    requests.onNext(header());
                    headerSent = true;
                } else if (next < voters.count()) {
                    requests.onNext(nextRows());
                } else {
                    finished = true;
                    requests.onCompleted();
                }
            }
        }

        private ImportVotersRequest header() {
            return ImportVotersRequest.newBuilder().setHeader(ImportHeader.newBuilder()
                    .setElectionId(electionId).setRequestId(Protos.requestId())).build();
        }

        private ImportVotersRequest nextRows() {
            long end = Math.min(voters.count(), next + rowsPerMessage);
            VoterRows.Builder rows = VoterRows.newBuilder();
            for (long i = next; i < end; i++) {
                rows.addRows(row(voters.voter(i)));
            }
            if (end / PROGRESS_EVERY != next / PROGRESS_EVERY) {
                Log.info(String.format("  sent %,d rows", end));
            }
            next = end;
            return ImportVotersRequest.newBuilder().setVoters(rows).build();
        }

        private static VoterRow row(SyntheticVoter voter) {
            return VoterRow.newBuilder()
                    .setNationalId(voter.nationalId())
                    .setFamilyName(voter.familyName())
                    .setGivenName(voter.givenName())
                    .setDateOfBirth(Protos.date(voter.dateOfBirth()))
                    .setStationCode(voter.stationCode())
                    .build();
        }

        @Override
        public void onNext(ImportVotersResponse response) {
            answer.complete(response);
        }

        @Override
        public void onError(Throwable failure) {
            finished = true;
            answer.completeExceptionally(failure);
        }

        @Override
        public void onCompleted() {
            answer.completeExceptionally(new IllegalStateException("ImportVoters ended without an answer"));
        }
    }
}
