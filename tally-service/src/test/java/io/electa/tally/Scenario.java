package io.electa.tally;

import io.electa.testing.TestTokens;
import io.electa.common.v1.Date;
import io.electa.registry.v1.ClosePollsRequest;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportStationsRequest;
import io.electa.registry.v1.ImportStationsResponse;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.OpenPollsRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.registry.v1.StationRow;
import io.electa.registry.v1.StationRows;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import io.electa.roll.NationalId;
import io.electa.testing.StreamObservers;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An election set up in the real registry through its public API: districts, stations with
 * small rolls, the roll frozen. Stations are named D&lt;d&gt;-S&lt;s&gt;; station i has 10 + i voters.
 */
public final class Scenario {
    private static final AtomicInteger ELECTIONS = new AtomicInteger();

    public final String electionId;
    /** Station code to its district, in order. */
    public final Map<String, String> stations = new LinkedHashMap<>();
    /** Station code to its frozen roll size. */
    public final Map<String, Integer> rollSize = new LinkedHashMap<>();
    private final Map<String, List<String>> voters = new LinkedHashMap<>();
    private final ManagedChannel channel;

    private Scenario(String electionId, ManagedChannel channel) {
        this.electionId = electionId;
        this.channel = channel;
    }

    /** A frozen election with {@code districts} districts of {@code stationsEach} stations. */
    public static Scenario frozen(int districts, int stationsEach) {
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", RealRegistry.process().port())
                .usePlaintext().intercept(TestTokens.acting()).build();
        String id = "t-" + UUID.randomUUID().toString().substring(0, 8) + "-" + ELECTIONS.incrementAndGet();
        Scenario s = new Scenario(id, channel);
        s.registry().createElection(CreateElectionRequest.newBuilder()
                .setElectionId(id)
                .setName("Early presidential election")
                .setElectionDay(Date.newBuilder().setYear(2027).setMonth(2).setDay(7))
                .setRequestId(requestId())
                .build());
        List<StationRow> stationRows = new ArrayList<>();
        List<VoterRow> voterRows = new ArrayList<>();
        int n = 1;
        for (int d = 1; d <= districts; d++) {
            String district = "D" + d;
            s.registry().createDistrict(CreateDistrictRequest.newBuilder().setElectionId(id)
                    .setDistrictCode(district).setName("District " + d).setRequestId(requestId()).build());
            for (int st = 1; st <= stationsEach; st++) {
                String station = district + "-S" + st;
                stationRows.add(StationRow.newBuilder().setStationCode(station).setDistrictCode(district)
                        .setName("Station " + station).setAddress("1 School Street").build());
                s.stations.put(station, district);
                int size = 10 + s.stations.size();
                s.rollSize.put(station, size);
                List<String> ids = new ArrayList<>();
                for (int v = 0; v < size; v++, n++) {
                    String nationalId = NationalId.of(n);
                    ids.add(nationalId);
                    voterRows.add(VoterRow.newBuilder().setNationalId(nationalId).setFamilyName("Family")
                            .setGivenName("Given").setDateOfBirth(Date.newBuilder().setYear(1970).setMonth(1)
                                    .setDay(1)).setStationCode(station).build());
                }
                s.voters.put(station, ids);
            }
        }
        s.importStations(stationRows);
        s.importVoters(voterRows);
        s.registry().freezeRoll(FreezeRollRequest.newBuilder().setElectionId(id).setRequestId(requestId()).build());
        return s;
    }

    /** A frozen election whose polls are open. */
    public static Scenario polling(int districts, int stationsEach) {
        Scenario s = frozen(districts, stationsEach);
        s.openPolls();
        return s;
    }

    public Scenario openPolls() {
        registry().openPolls(OpenPollsRequest.newBuilder().setElectionId(electionId).setRequestId(requestId()).build());
        return this;
    }

    public Scenario closePolls() {
        registry().closePolls(ClosePollsRequest.newBuilder().setElectionId(electionId).setRequestId(requestId())
                .build());
        return this;
    }

    /** Marks the first {@code count} voters of the station as having received a ballot there. */
    public Scenario mark(String station, int count) {
        for (String voter : voters.get(station).subList(0, count)) {
            registry().markVoted(MarkVotedRequest.newBuilder().setElectionId(electionId).setNationalId(voter)
                    .setStationCode(station).setRequestId(requestId()).build());
        }
        return this;
    }

    public List<String> stationCodes() {
        return List.copyOf(stations.keySet());
    }

    public static String requestId() {
        return UUID.randomUUID().toString();
    }

    private RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private void importStations(List<StationRow> rows) {
        CompletableFuture<ImportStationsResponse> done = new CompletableFuture<>();
        StreamObserver<ImportStationsRequest> stream = RollImportServiceGrpc.newStub(channel)
                .importStations(StreamObservers.completing(done));
        stream.onNext(ImportStationsRequest.newBuilder().setHeader(ImportHeader.newBuilder()
                .setElectionId(electionId).setRequestId(requestId())).build());
        stream.onNext(ImportStationsRequest.newBuilder().setStations(StationRows.newBuilder().addAllRows(rows)).build());
        stream.onCompleted();
        StreamObservers.await(done);
    }

    private void importVoters(List<VoterRow> rows) {
        CompletableFuture<ImportVotersResponse> done = new CompletableFuture<>();
        StreamObserver<ImportVotersRequest> stream = RollImportServiceGrpc.newStub(channel)
                .importVoters(StreamObservers.completing(done));
        stream.onNext(ImportVotersRequest.newBuilder().setHeader(ImportHeader.newBuilder()
                .setElectionId(electionId).setRequestId(requestId())).build());
        for (int from = 0; from < rows.size(); from += 5000) {
            stream.onNext(ImportVotersRequest.newBuilder().setVoters(VoterRows.newBuilder()
                    .addAllRows(rows.subList(from, Math.min(rows.size(), from + 5000)))).build());
        }
        stream.onCompleted();
        StreamObservers.await(done);
    }

}
