package io.electa.registry;

import io.electa.testing.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;

import io.electa.common.v1.Date;
import io.electa.registry.v1.ClosePollsRequest;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.ImportStationsRequest;
import io.electa.registry.v1.ImportStationsResponse;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Shared by the registry's tests: real gRPC clients over a real connection to the service under
 * test, and small builders for elections and rolls. Every test makes its own election, so tests
 * do not depend on each other or on their order.
 */
public abstract class RegistryTestSupport {
    /** Election day of the reference scenario. */
    protected static final Date ELECTION_DAY = date(2027, 2, 7);
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static ManagedChannel channel;

    protected static synchronized ManagedChannel channel() {
        if (channel == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
            channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext()
                    .intercept(TestTokens.acting()).build();
        }
        return channel;
    }

    protected static RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    protected static RollImportServiceGrpc.RollImportServiceStub imports() {
        return RollImportServiceGrpc.newStub(channel()).withDeadlineAfter(120, TimeUnit.SECONDS);
    }

    protected static String requestId() {
        return UUID.randomUUID().toString();
    }

    protected static Date date(int year, int month, int day) {
        return Date.newBuilder().setYear(year).setMonth(month).setDay(day).build();
    }

    /** A fresh election with a unique id. */
    protected static String newElection() {
        String id = "e-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
        registry().createElection(CreateElectionRequest.newBuilder()
                .setElectionId(id)
                .setName("Early presidential election")
                .setElectionDay(ELECTION_DAY)
                .setRequestId(requestId())
                .build());
        return id;
    }

    protected static void createDistrict(String electionId, String code) {
        registry().createDistrict(CreateDistrictRequest.newBuilder()
                .setElectionId(electionId).setDistrictCode(code).setName("District " + code)
                .setRequestId(requestId()).build());
    }

    protected static StationRow station(String code, String district) {
        return StationRow.newBuilder().setStationCode(code).setDistrictCode(district)
                .setName("Station " + code).setAddress("1 School Street, " + code).build();
    }

    /** A valid adult voter; the national ID comes from {@code n}. */
    protected static VoterRow voter(int n, String station) {
        return VoterRow.newBuilder()
                .setNationalId(NationalId.of(n))
                .setFamilyName("Family" + (n % 97))
                .setGivenName("Given" + n)
                .setDateOfBirth(date(1960 + n % 40, 1 + n % 12, 1 + n % 28))
                .setStationCode(station)
                .build();
    }

    /** Election with districts D1, D2 and stations S1, S2 (D1) and S3 (D2). */
    protected static String electionWithStations() {
        String election = newElection();
        createDistrict(election, "D1");
        createDistrict(election, "D2");
        ImportReport report = importStations(election, requestId(),
                List.of(station("S1", "D1"), station("S2", "D1"), station("S3", "D2")));
        assertThat(report.getAccepted()).isEqualTo(3);
        return election;
    }

    protected static ImportReport importStations(String electionId, String requestId, List<StationRow> rows) {
        CompletableFuture<ImportStationsResponse> answer = new CompletableFuture<>();
        StreamObserver<ImportStationsRequest> stream = imports().importStations(observer(answer));
        stream.onNext(ImportStationsRequest.newBuilder()
                .setHeader(ImportHeader.newBuilder().setElectionId(electionId).setRequestId(requestId)).build());
        stream.onNext(ImportStationsRequest.newBuilder().setStations(StationRows.newBuilder().addAllRows(rows)).build());
        stream.onCompleted();
        return await(answer).getReport();
    }

    /** Imports {@code rows} in messages of {@code perMessage} rows. */
    protected static ImportReport importVoters(String electionId, String requestId, List<VoterRow> rows,
            int perMessage) {
        CompletableFuture<ImportVotersResponse> answer = new CompletableFuture<>();
        StreamObserver<ImportVotersRequest> stream = imports().importVoters(observer(answer));
        stream.onNext(ImportVotersRequest.newBuilder()
                .setHeader(ImportHeader.newBuilder().setElectionId(electionId).setRequestId(requestId)).build());
        for (int from = 0; from < rows.size(); from += perMessage) {
            List<VoterRow> chunk = rows.subList(from, Math.min(rows.size(), from + perMessage));
            stream.onNext(ImportVotersRequest.newBuilder().setVoters(VoterRows.newBuilder().addAllRows(chunk)).build());
        }
        stream.onCompleted();
        return await(answer).getReport();
    }

    protected static ImportReport importVoters(String electionId, List<VoterRow> rows) {
        return importVoters(electionId, requestId(), rows, 1000);
    }

    protected static void freezeRoll(String electionId) {
        registry().freezeRoll(FreezeRollRequest.newBuilder().setElectionId(electionId).setRequestId(requestId()).build());
    }

    protected static void openPolls(String electionId) {
        registry().openPolls(OpenPollsRequest.newBuilder().setElectionId(electionId).setRequestId(requestId()).build());
    }

    protected static void closePolls(String electionId) {
        registry().closePolls(ClosePollsRequest.newBuilder().setElectionId(electionId).setRequestId(requestId()).build());
    }

    protected static <T> StreamObserver<T> observer(CompletableFuture<T> answer) {
        return StreamObservers.completing(answer);
    }

    protected static <T> T await(CompletableFuture<T> future) {
        return StreamObservers.await(future);
    }
}
