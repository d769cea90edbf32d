package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.violatedFields;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Timestamp;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.IssueAbsenteeCertificateRequest;
import io.electa.registry.v1.ListMarkConflictsRequest;
import io.electa.registry.v1.ListMarkConflictsResponse;
import io.electa.registry.v1.MarkConflict;
import io.electa.registry.v1.MarkOutcome;
import io.electa.registry.v1.MarkRejectionReason;
import io.electa.registry.v1.MarkVerdict;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.PollBookServiceGrpc;
import io.electa.registry.v1.QueuedMark;
import io.electa.registry.v1.SyncPollBookResponse;
import io.electa.roll.NationalId;
import io.electa.testing.PollBookUploads;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Poll books that sync: every mark decided once, double votes kept for review, nothing lost or counted twice. */
@QuarkusTest
class PollBookTest extends RegistryTestSupport {

    @Test
    void uploadedMarksAreRecordedAndCountedAndAnUploadAgainChangesNothing() {
        String election = pollingElection(20);
        List<QueuedMark> marks = IntStream.rangeClosed(1, 12).mapToObj(n -> mark(n, "tablet-1")).toList();

        List<MarkVerdict> first = verdicts(sync(election, "S1", List.of(marks.subList(0, 5), marks.subList(5, 12))));
        List<MarkVerdict> again = verdicts(sync(election, "S1", List.of(marks)));

        assertThat(first).extracting(MarkVerdict::getOutcome).containsOnly(MarkOutcome.MARK_OUTCOME_RECORDED)
                .hasSize(12);
        assertThat(first).extracting(MarkVerdict::getRequestId)
                .containsExactlyElementsOf(marks.stream().map(QueuedMark::getRequestId).toList());
        assertThat(again).extracting(MarkVerdict::getOutcome).containsOnly(MarkOutcome.MARK_OUTCOME_ALREADY_RECORDED);
        assertThat(voted(election, "S1")).isEqualTo(12);
    }

    @Test
    void aVoterMarkedBeforeIsAConflictKeptForReviewAndCountedOnce() {
        String election = pollingElection(5);
        registry().markVoted(MarkVotedRequest.newBuilder().setElectionId(election).setNationalId(NationalId.of(1))
                .setStationCode("S1").setRequestId(requestId()).build());
        QueuedMark second = mark(1, "tablet-2");
        QueuedMark elsewhere = mark(1, "tablet-9");

        MarkVerdict verdict = verdicts(sync(election, "S1", List.of(List.of(second)))).get(0);
        MarkVerdict atS2 = verdicts(sync(election, "S2", List.of(List.of(elsewhere)))).get(0);
        MarkVerdict replay = verdicts(sync(election, "S1", List.of(List.of(second)))).get(0);

        assertThat(verdict.getOutcome()).isEqualTo(MarkOutcome.MARK_OUTCOME_CONFLICT);
        assertThat(verdict.getCountedStationCode()).isEqualTo("S1");
        assertThat(atS2.getOutcome()).as("a second ballot at a station not the voter's is evidence too")
                .isEqualTo(MarkOutcome.MARK_OUTCOME_CONFLICT);
        assertThat(replay.getOutcome()).isEqualTo(MarkOutcome.MARK_OUTCOME_CONFLICT);
        assertThat(voted(election, "S1")).isEqualTo(1);
        List<MarkConflict> conflicts = conflicts(election, "", "");
        assertThat(conflicts).extracting(MarkConflict::getRequestId)
                .containsExactlyInAnyOrder(second.getRequestId(), elsewhere.getRequestId());
        assertThat(conflicts).allSatisfy(c -> {
            assertThat(c.getCountedStationCode()).isEqualTo("S1");
            assertThat(c.getNationalId()).isEqualTo(NationalId.of(1));
            assertThat(c.getDistrictCode()).isEqualTo("D1");
        });
        assertThat(conflicts(election, "", "S2")).extracting(MarkConflict::getDeviceId).containsExactly("tablet-9");
    }

    @Test
    void marksTheStationMayNotMakeAreRejectedAndNothingIsStored() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(1, "S1"), voter(2, "S2"), voter(3, "S1")));
        freezeRoll(election);
        registry().issueAbsenteeCertificate(IssueAbsenteeCertificateRequest.newBuilder().setElectionId(election)
                .setNationalId(NationalId.of(3)).setStationCode("S3").setRequestId(requestId()).build());
        openPolls(election);

        List<MarkVerdict> verdicts = verdicts(sync(election, "S1", List.of(List.of(mark(2, "t"), mark(3, "t"),
                mark(999, "t")))));

        assertThat(verdicts).extracting(MarkVerdict::getRejectionReason).containsExactly(
                MarkRejectionReason.MARK_REJECTION_REASON_WRONG_STATION,
                MarkRejectionReason.MARK_REJECTION_REASON_ABSENTEE_ELSEWHERE,
                MarkRejectionReason.MARK_REJECTION_REASON_NOT_ON_ROLL);
        assertThat(voted(election, "S1")).isZero();
        assertThat(conflicts(election, "", "")).isEmpty();
        assertThat(verdicts(sync(election, "S3", List.of(List.of(mark(3, "t"))))).get(0).getOutcome())
                .as("the absentee voter at the certificate's station").isEqualTo(MarkOutcome.MARK_OUTCOME_RECORDED);
    }

    @Test
    void aRequestIdUsedForSomethingElseIsRejected() {
        String election = pollingElection(5);
        String markVotedId = requestId();
        registry().markVoted(MarkVotedRequest.newBuilder().setElectionId(election).setNationalId(NationalId.of(1))
                .setStationCode("S1").setRequestId(markVotedId).build());
        QueuedMark recorded = mark(2, "t");

        List<MarkVerdict> verdicts = verdicts(sync(election, "S1", List.of(List.of(
                mark(3, "t").toBuilder().setRequestId(markVotedId).build(), recorded,
                mark(4, "t").toBuilder().setRequestId(recorded.getRequestId()).build()))));
        MarkVerdict otherVoter = verdicts(sync(election, "S1", List.of(List.of(
                mark(5, "t").toBuilder().setRequestId(recorded.getRequestId()).build())))).get(0);

        assertThat(verdicts).extracting(MarkVerdict::getOutcome).containsExactly(MarkOutcome.MARK_OUTCOME_REJECTED,
                MarkOutcome.MARK_OUTCOME_RECORDED, MarkOutcome.MARK_OUTCOME_REJECTED);
        assertThat(verdicts.get(0).getRejectionReason())
                .isEqualTo(MarkRejectionReason.MARK_REJECTION_REASON_REQUEST_ID_REUSED);
        assertThat(otherVoter.getRejectionReason()).isEqualTo(MarkRejectionReason.MARK_REJECTION_REASON_REQUEST_ID_REUSED);
        assertThat(voted(election, "S1")).isEqualTo(2);
    }

    @Test
    void aMalformedMarkIsRejectedOnItsOwnWithoutRepeatingIt() {
        String election = pollingElection(5);
        String huge = "x".repeat(70_000);
        List<QueuedMark> marks = List.of(
                mark(1, "t").toBuilder().setNationalId("1234567890").build(),
                mark(2, "t").toBuilder().setDeviceId(huge).build(),
                mark(3, "t").toBuilder().clearDeviceTime().build(),
                mark(4, "t").toBuilder().setDeviceTime(Timestamp.newBuilder().setSeconds(95_617_584_000L)).build(),
                mark(5, "t").toBuilder().setRequestId(huge).build(),
                mark(5, "t"));

        List<MarkVerdict> verdicts = verdicts(sync(election, "S1", List.of(marks)));

        assertThat(verdicts.subList(0, 5)).allSatisfy(v -> {
            assertThat(v.getRejectionReason()).isEqualTo(MarkRejectionReason.MARK_REJECTION_REASON_MALFORMED);
            assertThat(v.getNationalId()).isEmpty();
            assertThat(v.getRequestId()).isEmpty();
            assertThat(v.toString()).doesNotContain("xxxxxxxx");
        });
        assertThat(verdicts.get(5).getOutcome()).isEqualTo(MarkOutcome.MARK_OUTCOME_RECORDED);
        assertThat(voted(election, "S1")).isEqualTo(1);
        StatusRuntimeException notATime = failure(() -> sync(election, "S1", List.of(List.of(mark(6, "t").toBuilder()
                .setDeviceTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)).build()))));
        assertThat(notATime.getStatus().getCode()).as("bytes that are no Timestamp at all")
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(notATime)).containsExactly("marks.marks[0].device_time");
        assertThat(voted(election, "S1")).isEqualTo(1);
    }

    @Test
    void theHeaderIsCheckedFirst() {
        String election = pollingElection(1);
        StatusRuntimeException noHeader = failure(() -> sync(election, null, List.of(List.of(mark(1, "t")))));
        StatusRuntimeException unknownElection = failure(() -> sync("no-such-election", "S1", List.of()));
        StatusRuntimeException unknownStation = failure(() -> sync(election, "S404", List.of()));
        String frozen = electionWithStations();
        freezeRoll(frozen);
        StatusRuntimeException notPolling = failure(() -> sync(frozen, "S1", List.of()));

        assertThat(noHeader.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(violatedFields(noHeader)).containsExactly("header");
        assertThat(unknownElection.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(unknownStation.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
        assertThat(notPolling.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
        assertThat(errorInfo(notPolling).getReason()).isEqualTo("POLLS_NOT_OPEN");
        assertThat(voted(election, "S1")).isZero();
    }

    @Test
    void twoDevicesUploadingTheSameVotersAtOnceCountEachVoterOnce() throws Exception {
        String election = pollingElection(300);
        List<QueuedMark> tabletA = IntStream.rangeClosed(1, 300).mapToObj(n -> mark(n, "tablet-a")).toList();
        List<QueuedMark> tabletB = new ArrayList<>(IntStream.rangeClosed(1, 300).mapToObj(n -> mark(n, "tablet-b"))
                .toList());
        Collections.reverse(tabletB);

        CompletableFuture<List<SyncPollBookResponse>> a = CompletableFuture.supplyAsync(
                () -> sync(election, "S1", List.of(tabletA.subList(0, 150), tabletA.subList(150, 300))));
        CompletableFuture<List<SyncPollBookResponse>> b = CompletableFuture.supplyAsync(
                () -> sync(election, "S1", List.of(tabletB.subList(0, 100), tabletB.subList(100, 300))));
        List<MarkVerdict> all = new ArrayList<>(verdicts(a.get(60, TimeUnit.SECONDS)));
        all.addAll(verdicts(b.get(60, TimeUnit.SECONDS)));

        assertThat(all.stream().filter(v -> v.getOutcome() == MarkOutcome.MARK_OUTCOME_RECORDED)
                .map(MarkVerdict::getNationalId)).hasSize(300).doesNotHaveDuplicates();
        assertThat(all.stream().filter(v -> v.getOutcome() == MarkOutcome.MARK_OUTCOME_CONFLICT)).hasSize(300);
        assertThat(voted(election, "S1")).isEqualTo(300);
        assertThat(conflicts(election, "D1", "")).hasSize(300);
    }

    @Test
    void aLargeUploadIsAnsweredMessageByMessage() {
        String election = electionWithStations();
        importVoters(election, requestId(), IntStream.rangeClosed(1, 25_000).mapToObj(n -> voter(n, "S1")).toList(),
                10_000);
        freezeRoll(election);
        openPolls(election);
        List<QueuedMark> marks = IntStream.rangeClosed(1, 25_000).mapToObj(n -> mark(n, "t")).toList();

        List<SyncPollBookResponse> answers = sync(election, "S1", List.of(marks.subList(0, 10_000),
                marks.subList(10_000, 20_000), marks.subList(20_000, 25_000)));

        assertThat(answers).extracting(SyncPollBookResponse::getVerdictsCount).containsExactly(10_000, 10_000, 5_000);
        assertThat(verdicts(answers)).extracting(MarkVerdict::getOutcome).containsOnly(MarkOutcome.MARK_OUTCOME_RECORDED);
        assertThat(voted(election, "S1")).isEqualTo(25_000);
        assertThatThrownBy(() -> sync(election, "S1", List.of(IntStream.rangeClosed(1, 10_001)
                .mapToObj(n -> mark(n, "t")).toList())))
                .isInstanceOfSatisfying(StatusRuntimeException.class,
                        e -> assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT));
    }

    /** An election with {@code voters} voters at S1, polls open. */
    private static String pollingElection(int voters) {
        String election = electionWithStations();
        importVoters(election, IntStream.rangeClosed(1, voters).mapToObj(n -> voter(n, "S1")).toList());
        freezeRoll(election);
        openPolls(election);
        return election;
    }

    private static QueuedMark mark(int voter, String device) {
        Instant now = Instant.now();
        return QueuedMark.newBuilder().setNationalId(NationalId.of(voter)).setDeviceId(device)
                .setDeviceTime(Timestamp.newBuilder().setSeconds(now.getEpochSecond() - 60))
                .setRequestId(requestId()).build();
    }

    private static List<SyncPollBookResponse> sync(String election, String station, List<List<QueuedMark>> messages) {
        return PollBookUploads.upload(channel(), election, station, messages);
    }

    private static List<MarkVerdict> verdicts(List<SyncPollBookResponse> answers) {
        return PollBookUploads.verdicts(answers);
    }

    private static StatusRuntimeException failure(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof StatusRuntimeException)) {
                cause = cause.getCause();
            }
            if (cause != null) {
                return (StatusRuntimeException) cause;
            }
            throw e;
        }
        throw new AssertionError("the upload did not fail");
    }

    private static long voted(String election, String station) {
        return registry().getTurnout(GetTurnoutRequest.newBuilder().setElectionId(election).setStationCode(station)
                .build()).getTurnout().getVoted();
    }

    private static List<MarkConflict> conflicts(String election, String district, String station) {
        List<MarkConflict> all = new ArrayList<>();
        ListMarkConflictsRequest.Builder request = ListMarkConflictsRequest.newBuilder().setElectionId(election)
                .setDistrictCode(district).setStationCode(station).setPageSize(2);
        do {
            ListMarkConflictsResponse page = PollBookServiceGrpc.newBlockingStub(channel())
                    .listMarkConflicts(request.build());
            all.addAll(page.getConflictsList());
            request.setPageToken(page.getNextPageToken());
        } while (!request.getPageToken().isEmpty());
        return all;
    }
}
