package io.electa.tally;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.CertifyResultsRequest;
import io.electa.tally.v1.CertifyResultsResponse;
import io.electa.tally.v1.ExcludeStationRequest;
import io.electa.tally.v1.GetLedgerHeadRequest;
import io.electa.tally.v1.ListExclusionsRequest;
import io.electa.tally.v1.ListMissingStationsRequest;
import io.electa.tally.v1.ListMissingStationsResponse;
import io.electa.tally.v1.MissingReason;
import io.electa.tally.v1.MissingStation;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ResultsStatus;
import io.electa.tally.v1.TallyServiceGrpc;
import io.electa.tally.v1.WatchResultsRequest;
import io.electa.tally.v1.WatchResultsResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResultsAndCertificationTest extends TallyTestSupport {

    @Test
    void resultsGiveTurnoutOfIssuedBallotsAndSharesOfValidVotesToTwoDecimals() {
        Scenario s = counting(1, 2);
        submit(s.electionId, "D1-S1", earlyOnly(11, 1, 5, 2, 0));
        submit(s.electionId, "D1-S2", earlyOnly(12, 0, 1, 1, 1));

        Results r = nation(s.electionId);

        assertThat(r.getVotersRegistered()).isEqualTo(23);
        assertThat(r.getBallotsIssued()).isEqualTo(11);
        assertThat(r.getTurnout().getPercent()).isEqualTo("47.83");
        assertThat(r.getBallotsValid()).isEqualTo(10);
        assertThat(r.getCandidatesList()).extracting(CandidateResult::getCandidateCode)
                .containsExactly("IVANOV", "PETROVA", "SIDOROV");
        assertThat(r.getCandidatesList()).extracting(c -> c.getShare().getPercent())
                .containsExactly("60.00", "30.00", "10.00");
        assertThat(r.getCandidates(2).getPartyName()).isEmpty();
        assertThat(r.getStationsTotal()).isEqualTo(2);
        assertThat(r.getStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_UNOFFICIAL_COMPLETE);
    }

    @Test
    void theNationIsTheSumOfItsDistricts() {
        Scenario s = counting(3, 2);
        int i = 0;
        for (String station : s.stationCodes()) {
            if (i++ % 3 != 2) {
                submit(s.electionId, station, earlyOnly(s.rollSize.get(station), i % 2, i, 2 * i % 5, 3));
            }
        }
        Results nation = nation(s.electionId);
        List<Results> districts = List.of(district(s.electionId, "D1"), district(s.electionId, "D2"),
                district(s.electionId, "D3"));

        assertThat(nation.getVotersRegistered()).isEqualTo(districts.stream().mapToLong(Results::getVotersRegistered).sum());
        assertThat(nation.getBallotsIssued()).isEqualTo(districts.stream().mapToLong(Results::getBallotsIssued).sum());
        assertThat(nation.getBallotsInvalid()).isEqualTo(districts.stream().mapToLong(Results::getBallotsInvalid).sum());
        assertThat(nation.getStationsReported()).isEqualTo(4)
                .isEqualTo(districts.stream().mapToLong(Results::getStationsReported).sum());
        assertThat(nation.getStationsTotal()).isEqualTo(6);
        for (int c = 0; c < CANDIDATES.size(); c++) {
            int candidate = c;
            assertThat(nation.getCandidates(c).getVotes())
                    .isEqualTo(districts.stream().mapToLong(d -> d.getCandidates(candidate).getVotes()).sum());
        }
        assertThat(nation.getStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_UNOFFICIAL_PARTIAL);
        assertThat(nation.getStationsReportedShare().getPercent()).isEqualTo("66.67");
    }

    @Test
    void unknownElectionOrDistrictIsNotFound() {
        Scenario s = counting(1, 1);
        failure(Status.Code.NOT_FOUND, () -> nation("no-such-election"));
        failure(Status.Code.NOT_FOUND, () -> district(s.electionId, "D9"));
    }

    @Test
    void missingStationsAreListedWithTheirReasonUntilTheyReportOrAreExcluded() {
        Scenario s = counting(2, 2);
        submit(s.electionId, "D1-S1", earlyOnly(11, 0, 1, 0, 0));
        Protocol quarantined = submit(s.electionId, "D1-S2", earlyOnly(99, 0, 1, 0, 0));

        ListMissingStationsResponse missing = tally().listMissingStations(ListMissingStationsRequest.newBuilder()
                .setElectionId(s.electionId).build());

        assertThat(missing.getTotalMissing()).isEqualTo(3);
        assertThat(missing.getStationsList()).extracting(MissingStation::getStationCode)
                .containsExactly("D1-S2", "D2-S1", "D2-S2");
        assertThat(missing.getStations(0).getReason()).isEqualTo(MissingReason.MISSING_REASON_QUARANTINED);
        assertThat(missing.getStations(0).getProtocolId()).isEqualTo(quarantined.getProtocolId());
        assertThat(missing.getStations(1).getReason()).isEqualTo(MissingReason.MISSING_REASON_NO_PROTOCOL);

        var page = tally().listMissingStations(ListMissingStationsRequest.newBuilder().setElectionId(s.electionId)
                .setDistrictCode("D2").setPageSize(1).build());
        assertThat(page.getStationsList()).extracting(MissingStation::getStationCode).containsExactly("D2-S1");
        assertThat(page.getTotalMissing()).isEqualTo(2);
        assertThat(page.getNextPageToken()).isNotEmpty();
    }

    @Test
    void certificationNeedsEveryStationReportedOrExcludedAndThenLocksTheTally() {
        Scenario s = counting(1, 3);
        Protocol counted = submit(s.electionId, "D1-S1", earlyOnly(11, 0, 4, 1, 0));
        submit(s.electionId, "D1-S2", earlyOnly(12, 0, 1, 3, 0));

        var early = failure(Status.Code.FAILED_PRECONDITION, () -> certify(s.electionId, 0));
        assertThat(errorInfo(early).getMetadataMap()).containsEntry("missing_stations", "1");

        tally().excludeStation(ExcludeStationRequest.newBuilder().setElectionId(s.electionId).setStationCode("D1-S3")
                .setReason("the station never opened: flood").setRequestId(requestId()).build());
        assertThat(tally().listExclusions(ListExclusionsRequest.newBuilder().setElectionId(s.electionId).build())
                .getExclusionsList()).singleElement().satisfies(x -> assertThat(x.getReason()).contains("flood"));
        failure(Status.Code.ALREADY_EXISTS, () -> tally().excludeStation(ExcludeStationRequest.newBuilder()
                .setElectionId(s.electionId).setStationCode("D1-S3").setReason("again").setRequestId(requestId())
                .build()));
        Results complete = nation(s.electionId);
        assertThat(complete.getStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_UNOFFICIAL_COMPLETE);
        failure(Status.Code.FAILED_PRECONDITION, () -> certify(s.electionId, complete.getLedgerSequence() - 1));

        CertifyResultsResponse certified = certify(s.electionId, complete.getLedgerSequence());

        assertThat(certified.getCertification().getResults().getStatus())
                .isEqualTo(ResultsStatus.RESULTS_STATUS_CERTIFIED);
        assertThat(certified.getCertification().getResults().getCandidatesList()).extracting(c -> c.getVotes())
                .containsExactly(5L, 4L, 0L);
        assertThat(certified.getLedgerHead().toBuilder().clearSignedStatement().build())
                .as("the same head, each signed when it was served")
                .isEqualTo(tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(s.electionId)
                        .build()).getHead().toBuilder().clearSignedStatement().build());
        assertThat(nation(s.electionId).getStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_CERTIFIED);
        var locked = failure(Status.Code.FAILED_PRECONDITION, () -> tally().correctProtocol(
                io.electa.tally.v1.CorrectProtocolRequest.newBuilder().setElectionId(s.electionId)
                        .setSupersedesProtocolId(counted.getProtocolId()).setFigures(earlyOnly(11, 0, 1, 1, 0))
                        .setReason("late").setRequestId(requestId()).build()));
        assertThat(errorInfo(locked).getReason()).isEqualTo("RESULTS_CERTIFIED");
        failure(Status.Code.FAILED_PRECONDITION, () -> certify(s.electionId, 0));
    }

    @Test
    void excludingAStationTakesItsCountedProtocolOutOfTheTotals() {
        Scenario s = counting(1, 2);
        submit(s.electionId, "D1-S1", earlyOnly(11, 0, 4, 1, 0));
        submit(s.electionId, "D1-S2", earlyOnly(12, 0, 1, 3, 0));

        tally().excludeStation(ExcludeStationRequest.newBuilder().setElectionId(s.electionId).setStationCode("D1-S1")
                .setReason("result annulled by court").setRequestId(requestId()).build());

        Results r = nation(s.electionId);
        assertThat(r.getCandidatesList()).extracting(c -> c.getVotes()).containsExactly(1L, 3L, 0L);
        assertThat(r.getStationsReported()).isEqualTo(1);
        assertThat(r.getStationsExcluded()).isEqualTo(1);
        failure(Status.Code.FAILED_PRECONDITION, () -> submit(s.electionId, "D1-S1", earlyOnly(11, 0, 1, 0, 0)));
    }

    @Test
    void watchersGetTheCurrentResultsThenAnUpdateAfterAChangeAndTheStreamEndsWithCertification()
            throws Exception {
        Scenario s = counting(1, 1);
        List<Results> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        TallyServiceGrpc.newStub(tallyChannel()).watchResults(WatchResultsRequest.newBuilder()
                .setElectionId(s.electionId).build(), new StreamObserver<>() {
                    @Override
                    public void onNext(WatchResultsResponse value) {
                        seen.add(value.getResults());
                    }

                    @Override
                    public void onError(Throwable t) {
                        ended.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        ended.complete(null);
                    }
                });
        awaitSize(seen, 1);
        submit(s.electionId, "D1-S1", earlyOnly(11, 0, 2, 1, 0));
        awaitSize(seen, 2);
        certify(s.electionId, 0);

        ended.get(10, TimeUnit.SECONDS);
        assertThat(seen.get(0).getStationsReported()).isZero();
        assertThat(seen).anySatisfy(r -> assertThat(r.getBallotsValid()).isEqualTo(3));
        assertThat(seen.get(seen.size() - 1).getStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_CERTIFIED);
    }

    private static CertifyResultsResponse certify(String electionId, long expected) {
        return tally().certifyResults(CertifyResultsRequest.newBuilder().setElectionId(electionId)
                .setExpectedLedgerSequence(expected).setRequestId(requestId()).build());
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(list).hasSizeGreaterThanOrEqualTo(size);
    }

}
