package io.electa.cli;

import io.electa.registry.v1.MarkVerdict;
import io.electa.registry.v1.PollBookHeader;
import io.electa.registry.v1.PollBookServiceGrpc;
import io.electa.registry.v1.QueuedMark;
import io.electa.registry.v1.QueuedMarks;
import io.electa.registry.v1.SyncPollBookRequest;
import io.electa.registry.v1.SyncPollBookResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A station's poll book uploaded with PollBookService.SyncPollBook, in messages of up to 10,000
 * marks, with flow control. Uploading again is safe: every mark keeps its request_id, so marks
 * recorded before are answered ALREADY_RECORDED and counted once.
 */
public final class PollBookUpload {
    /** Marks per message, the contract's maximum. */
    public static final int MARKS_PER_MESSAGE = 10_000;

    private PollBookUpload() {
    }

    /** Uploads {@code marks} made at {@code station}; the verdicts in the order of the marks. */
    public static CompletableFuture<List<MarkVerdict>> upload(PollBookServiceGrpc.PollBookServiceStub stub,
            String election, String station, List<QueuedMark> marks) {
        SyncPollBookRequest header = SyncPollBookRequest.newBuilder().setHeader(PollBookHeader.newBuilder()
                .setElectionId(election).setStationCode(station)).build();
        List<SyncPollBookRequest> messages = new ArrayList<>();
        for (int from = 0; from < marks.size(); from += MARKS_PER_MESSAGE) {
            messages.add(SyncPollBookRequest.newBuilder().setMarks(QueuedMarks.newBuilder()
                    .addAllMarks(marks.subList(from, Math.min(marks.size(), from + MARKS_PER_MESSAGE)))).build());
        }
        return ClientStream.<SyncPollBookRequest, SyncPollBookResponse>exchange(stub::syncPollBook, header,
                messages.iterator()).thenApply(answers -> answers.stream()
                        .flatMap(a -> a.getVerdictsList().stream()).toList());
    }

    /**
     * A mark's request_id derived from what it is (election, station, voter, device), so that a
     * poll book file uploaded again names the same marks: 1..64 characters as the contract asks.
     */
    public static String requestId(String election, String station, String nationalId, String device) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\u001f", election, station,
                    nationalId, device).getBytes(StandardCharsets.UTF_8));
            return "pb-" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
