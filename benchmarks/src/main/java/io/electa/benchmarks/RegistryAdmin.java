package io.electa.benchmarks;

import io.electa.registry.v1.ClosePollsRequest;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.ImportStationsRequest;
import io.electa.registry.v1.ImportStationsResponse;
import io.electa.registry.v1.OpenPollsRequest;
import io.electa.registry.v1.RegistryServiceGrpc.RegistryServiceBlockingStub;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollDigest;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.registry.v1.StationRow;
import io.electa.registry.v1.StationRows;
import io.electa.scenario.Geography;
import io.grpc.ManagedChannel;
import io.grpc.stub.StreamObserver;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The commission's side of the scenario, through the registry's public API: create the election,
 * its districts and stations, freeze the roll, open the polls, read the national turnout.
 */
final class RegistryAdmin {
    private static final int STATION_ROWS_PER_MESSAGE = 10_000;

    private final ManagedChannel channel;
    private final String electionId;

    RegistryAdmin(ManagedChannel channel, String electionId) {
        this.channel = channel;
        this.electionId = electionId;
    }

    void createElection(LocalDate electionDay) {
        registry(1).createElection(CreateElectionRequest.newBuilder()
                .setElectionId(electionId)
                .setName("Benchmark election")
                .setElectionDay(Protos.date(electionDay))
                .setRequestId(Protos.requestId())
                .build());
    }

    void createDistricts(Geography geography) {
        for (int d = 0; d < geography.districts(); d++) {
            String code = geography.districtCode(d);
            registry(1).createDistrict(CreateDistrictRequest.newBuilder()
                    .setElectionId(electionId).setDistrictCode(code).setName("District " + code)
                    .setRequestId(Protos.requestId()).build());
        }
    }

    /** Imports every station through ImportStations; fails unless all were accepted. */
    void importStations(Geography geography) throws InterruptedException, ExecutionException {
        CompletableFuture<ImportStationsResponse> answer = new CompletableFuture<>();
        StreamObserver<ImportStationsRequest> stream = RollImportServiceGrpc.newStub(channel)
                .withDeadlineAfter(5, TimeUnit.MINUTES).importStations(Answer.into(answer));
        stream.onNext(ImportStationsRequest.newBuilder().setHeader(ImportHeader.newBuilder()
                .setElectionId(electionId).setRequestId(Protos.requestId())).build());
        StationRows.Builder rows = StationRows.newBuilder();
        for (int s = 0; s < geography.stations(); s++) {
            rows.addRows(station(geography, s));
            if (rows.getRowsCount() == STATION_ROWS_PER_MESSAGE || s == geography.stations() - 1) {
                stream.onNext(ImportStationsRequest.newBuilder().setStations(rows).build());
                rows = StationRows.newBuilder();
            }
        }
        stream.onCompleted();
        ImportReport report = answer.get().getReport();
        if (report.getAccepted() != geography.stations()) {
            throw new IllegalStateException("station import accepted " + report.getAccepted() + " of "
                    + geography.stations() + ": " + report);
        }
    }

    RollDigest freezeRoll() {
        return registry(60).freezeRoll(FreezeRollRequest.newBuilder()
                .setElectionId(electionId).setRequestId(Protos.requestId()).build()).getDigest();
    }

    void openPolls() {
        registry(1).openPolls(OpenPollsRequest.newBuilder()
                .setElectionId(electionId).setRequestId(Protos.requestId()).build());
    }

    void closePolls() {
        registry(1).closePolls(ClosePollsRequest.newBuilder()
                .setElectionId(electionId).setRequestId(Protos.requestId()).build());
    }

    /** Voters marked in the whole nation, as GetTurnout reports them. */
    long nationalVoted() {
        return registry(1).getTurnout(GetTurnoutRequest.newBuilder().setElectionId(electionId).build())
                .getTurnout().getVoted();
    }

    private RegistryServiceBlockingStub registry(int deadlineMinutes) {
        return RegistryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(deadlineMinutes, TimeUnit.MINUTES);
    }

    private static StationRow station(Geography geography, int station) {
        String code = geography.stationCode(station);
        String district = geography.districtCode(geography.districtOf(station));
        return StationRow.newBuilder().setStationCode(code).setDistrictCode(district)
                .setName("Polling station " + code)
                .setAddress((station % 200 + 1) + " School Street, district " + district)
                .build();
    }
}
