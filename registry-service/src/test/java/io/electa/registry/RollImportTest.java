package io.electa.registry;

import static io.electa.testing.GrpcAssertions.errorInfo;
import static io.electa.testing.GrpcAssertions.failure;
import static io.electa.testing.GrpcAssertions.violatedFields;

import static org.assertj.core.api.Assertions.assertThat;

import io.agroal.api.AgroalDataSource;
import io.electa.registry.v1.GetVoterRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.RejectionReason;
import io.electa.registry.v1.RowRejection;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import io.electa.roll.NationalId;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RollImportTest extends RegistryTestSupport {
    /** The first key of the advisory lock a voter import takes (VoterCopyLoad.LOCK_SPACE). */
    private static final String VOTER_IMPORT_LOCK_SPACE = "electa.voter-import";
    /**
     * The backend of an election's first load: it holds the election's voter-import lock (see
     * VoterCopyLoad) and runs COPY FROM, into the election's roll table it created (not yet
     * visible to other sessions). Its rows show how far the COPY got.
     */
    private static final String FIRST_LOAD = "SELECT p.tuples_processed FROM pg_stat_progress_copy p"
            + " JOIN pg_locks l ON l.pid = p.pid AND l.locktype = 'advisory' AND l.granted"
            + " AND l.database = p.datid AND l.classid = hashtext(?)::oid AND l.objid = hashtext(?)::oid"
            + " AND l.objsubid = 2"
            + " WHERE p.datname = current_database() AND p.command = 'COPY FROM'";
    /** Any backend still holding the election's voter-import lock. */
    private static final String IMPORT_LOCK = "SELECT count(*) FROM pg_locks l"
            + " WHERE l.locktype = 'advisory' AND l.database = (SELECT oid FROM pg_database"
            + " WHERE datname = current_database()) AND l.classid = hashtext(?)::oid AND l.objid = hashtext(?)::oid"
            + " AND l.objsubid = 2";
    private static final Duration SERVER_WAIT = Duration.ofSeconds(10);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void importAcceptsValidRowsAcrossManyBatches() {
        String election = electionWithStations();
        List<VoterRow> rows = IntStream.range(0, 12_345).mapToObj(n -> voter(n, "S" + (1 + n % 3))).toList();

        ImportReport report = importVoters(election, requestId(), rows, 777);

        assertThat(report.getReceived()).isEqualTo(12_345);
        assertThat(report.getAccepted()).isEqualTo(12_345);
        assertThat(report.getUpdated() + report.getUnchanged() + report.getRejected()).isZero();
        var stored = registry().getVoter(GetVoterRequest.newBuilder()
                .setElectionId(election).setNationalId(NationalId.of(12_000)).build()).getVoter();
        assertThat(stored.getGivenName()).isEqualTo("Given12000");
    }

    @Test
    void reimportChangesNothingAndReportsRowsUnchanged() {
        String election = electionWithStations();
        List<VoterRow> rows = IntStream.range(0, 2_000).mapToObj(n -> voter(n, "S1")).toList();
        importVoters(election, rows);

        ImportReport again = importVoters(election, rows);

        assertThat(again.getAccepted()).isZero();
        assertThat(again.getUpdated()).isZero();
        assertThat(again.getUnchanged()).isEqualTo(2_000);
    }

    @Test
    void changedRowsAreCountedAsUpdated() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(1, "S1"), voter(2, "S1")));

        ImportReport report = importVoters(election, List.of(voter(1, "S2"), voter(2, "S1"), voter(3, "S1")));

        assertThat(report.getAccepted()).isEqualTo(1);
        assertThat(report.getUpdated()).isEqualTo(1);
        assertThat(report.getUnchanged()).isEqualTo(1);
    }

    @Test
    void everyRejectedRowIsReportedWithItsNumberAndReason() {
        String election = electionWithStations();
        String badCheckDigit = NationalId.of(5).substring(0, 9) + ((NationalId.of(5).charAt(9) - '0' + 1) % 10);
        List<VoterRow> rows = List.of(
                voter(1, "S1"),
                voter(2, "S1").toBuilder().setNationalId(badCheckDigit).build(),
                voter(3, "S1").toBuilder().setFamilyName("").build(),
                voter(4, "S1").toBuilder().setDateOfBirth(date(2010, 5, 5)).build(),
                voter(5, "S404"),
                voter(1, "S2"),
                voter(6, "S1").toBuilder().setDateOfBirth(date(1990, 2, 31)).build(),
                voter(7, "S1"));

        ImportReport report = importVoters(election, rows);

        assertThat(report.getAccepted()).isEqualTo(2);
        assertThat(report.getRejected()).isEqualTo(6);
        assertThat(report.getRejectionsList()).extracting(RowRejection::getRowNumber, RowRejection::getReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2L, RejectionReason.REJECTION_REASON_MALFORMED_ID),
                        org.assertj.core.groups.Tuple.tuple(3L, RejectionReason.REJECTION_REASON_MISSING_FIELD),
                        org.assertj.core.groups.Tuple.tuple(4L, RejectionReason.REJECTION_REASON_UNDER_AGE),
                        org.assertj.core.groups.Tuple.tuple(5L, RejectionReason.REJECTION_REASON_UNKNOWN_STATION),
                        org.assertj.core.groups.Tuple.tuple(6L, RejectionReason.REJECTION_REASON_DUPLICATE_IN_STREAM),
                        org.assertj.core.groups.Tuple.tuple(7L, RejectionReason.REJECTION_REASON_MALFORMED_DATE));
        assertThat(report.getRejections(3).getMessage()).contains("S404");
        failure(Status.Code.NOT_FOUND, () -> registry().getVoter(GetVoterRequest.newBuilder()
                .setElectionId(election).setNationalId(NationalId.of(4)).build()));
    }

    @Test
    void rejectionsPastTheListLimitAreCountedNotListed() {
        String election = electionWithStations();
        List<VoterRow> rows = IntStream.range(0, 20_005)
                .mapToObj(n -> voter(n, "S1").toBuilder().setNationalId("bad-" + n).build()).toList();

        ImportReport report = importVoters(election, requestId(), rows, 5_000);

        assertThat(report.getRejected()).isEqualTo(20_005);
        assertThat(report.getRejectionsCount()).isEqualTo(20_000);
        assertThat(report.getRejectionsOmitted()).isEqualTo(5);
        assertThat(report.getSerializedSize()).isLessThan(4 * 1024 * 1024);
    }

    @Test
    void votersTurning18OnElectionDayMayVote() {
        String election = electionWithStations();

        ImportReport report = importVoters(election, List.of(
                voter(1, "S1").toBuilder().setDateOfBirth(date(2009, 2, 7)).build(),
                voter(2, "S1").toBuilder().setDateOfBirth(date(2009, 2, 8)).build()));

        assertThat(report.getAccepted()).isEqualTo(1);
        assertThat(report.getRejections(0).getReason()).isEqualTo(RejectionReason.REJECTION_REASON_UNDER_AGE);
    }

    @Test
    void retriedImportWithSameRequestIdAnswersTheFirstReport() {
        String election = electionWithStations();
        String requestId = requestId();
        List<VoterRow> rows = IntStream.range(0, 100).mapToObj(n -> voter(n, "S1")).toList();

        ImportReport first = importVoters(election, requestId, rows, 50);
        ImportReport again = importVoters(election, requestId, rows, 50);

        assertThat(again).isEqualTo(first);
        assertThat(again.getAccepted()).isEqualTo(100);
    }

    @Test
    void firstImportIsAllOrNothingWhenTheClientGivesUp() throws Exception {
        String election = electionWithStations();
        StreamObserver<ImportVotersRequest> stream = startFirstLoad(election, new CompletableFuture<>());

        long copied = awaitFirstLoadCopying(election);
        assertThat(copied).as("rows the server had copied into voter before the client gave up").isPositive();
        assertThat(votersStored(election)).as("nothing of an unfinished load is visible").isZero();
        stream.onError(Status.CANCELLED.withDescription("operator pressed stop").asRuntimeException());
        awaitFirstLoadGone(election);
        assertThat(queryString("SELECT to_regclass(voter_roll_table(?))::text", election))
                .as("the roll table the cancelled load created").isNull();

        ImportReport retry = importVoters(election, IntStream.range(0, 10).mapToObj(n -> voter(n, "S1")).toList());

        assertThat(retry.getAccepted()).as("nothing of the cancelled load stayed").isEqualTo(10);
        assertThat(partitionBound(election)).isEqualTo("FOR VALUES IN ('" + election + "')");
        failure(Status.Code.NOT_FOUND, () -> registry().getVoter(GetVoterRequest.newBuilder()
                .setElectionId(election).setNationalId(NationalId.of(20_000)).build()));
    }

    @Test
    void firstLoadAttachesTheRollAsTheElectionsPartitionWithTheRollsIndexes() throws Exception {
        String election = electionWithStations();

        importVoters(election, IntStream.range(0, 3_000).mapToObj(n -> voter(n, "S" + (1 + n % 3))).toList());

        assertThat(partitionBound(election)).isEqualTo("FOR VALUES IN ('" + election + "')");
        assertThat(queryStrings("SELECT parent.relname FROM pg_index x JOIN pg_inherits i ON i.inhrelid = x.indexrelid"
                + " JOIN pg_class parent ON parent.oid = i.inhparent"
                + " WHERE x.indrelid = to_regclass(voter_roll_table(?)) ORDER BY 1", election))
                .as("the partition's indexes, attached to voter's").containsExactly("voter_by_station", "voter_pkey");
        assertThat(queryStrings("SELECT conname FROM pg_constraint WHERE conrelid = to_regclass(voter_roll_table(?))"
                + " AND contype = 'c'", election)).as("the load's CHECK constraint, dropped once attached").isEmpty();
        assertThat(votersStored(election)).isEqualTo(3_000);
        ImportReport again = importVoters(election, List.of(voter(1, "S3"), voter(3_000, "S1")));
        assertThat(again.getUpdated()).as("the upsert path writes into the partition").isEqualTo(1);
        assertThat(again.getAccepted()).isEqualTo(1);
    }

    @Test
    void otherElectionsStayUsableWhileAFirstLoadRuns() throws Exception {
        String polling = electionWithStations();
        importVoters(polling, IntStream.range(0, 100).mapToObj(n -> voter(n, "S1")).toList());
        freezeRoll(polling);
        openPolls(polling);
        String scheduled = electionWithStations();
        importVoters(scheduled, List.of(voter(1, "S1")));
        String loading = electionWithStations();
        CompletableFuture<ImportVotersResponse> answer = new CompletableFuture<>();
        StreamObserver<ImportVotersRequest> stream = startFirstLoad(loading, answer);
        awaitFirstLoadCopying(loading);

        var mark = registry().markVoted(MarkVotedTest.request(polling, 7, "S1", requestId())).getMark();
        ImportReport upserted = importVoters(scheduled, List.of(voter(1, "S2"), voter(2, "S1")));
        String fresh = electionWithStations();
        ImportReport freshLoad = importVoters(fresh, IntStream.range(0, 500).mapToObj(n -> voter(n, "S2")).toList());
        StatusRuntimeException refused = failure(Status.Code.FAILED_PRECONDITION,
                () -> importVoters(loading, List.of(voter(1, "S1"))));
        assertThat(queryString("SELECT voter_roll_ensure(?)", loading))
                .as("no partition is made for a roll while its first load runs").isNull();
        stream.onCompleted();
        ImportReport loaded = await(answer).getReport();

        assertThat(mark.getStationCode()).isEqualTo("S1");
        assertThat(upserted.getUpdated() + upserted.getAccepted()).isEqualTo(2);
        assertThat(freshLoad.getAccepted()).isEqualTo(500);
        assertThat(errorInfo(refused).getReason()).isEqualTo("IMPORT_RUNNING");
        assertThat(loaded.getAccepted()).isEqualTo(firstLoadRows());
        assertThat(votersStored(loading)).isEqualTo(firstLoadRows());
        assertThat(registry().getVoter(GetVoterRequest.newBuilder().setElectionId(scheduled)
                .setNationalId(NationalId.of(1)).build()).getVoter().getStationCode()).isEqualTo("S2");
    }

    @Test
    void aRollWithAnEmptyPartitionIsLoadedIntoIt() throws Exception {
        String election = electionWithStations();
        assertThat(queryString("SELECT voter_roll_ensure(?)", election)).startsWith("voter_");
        String partition = queryString("SELECT to_regclass(voter_roll_table(?))::oid::text", election);

        ImportReport report = importVoters(election, IntStream.range(0, 2_000).mapToObj(n -> voter(n, "S1")).toList());

        assertThat(report.getAccepted()).isEqualTo(2_000);
        assertThat(queryString("SELECT to_regclass(voter_roll_table(?))::oid::text", election))
                .as("the same partition").isEqualTo(partition);
        assertThat(votersStored(election)).isEqualTo(2_000);
    }

    /** Rows of {@link #startFirstLoad}: several full batches, so the server copies while the stream stays open. */
    private static int firstLoadRows() {
        return Math.max(30_000, 3 * ConfigProvider.getConfig().getValue("electa.import.batch-size", Integer.class));
    }

    /** Opens a first load of the election's roll and sends its rows; the stream stays open. */
    private static StreamObserver<ImportVotersRequest> startFirstLoad(String election,
            CompletableFuture<ImportVotersResponse> answer) {
        StreamObserver<ImportVotersRequest> stream = imports().importVoters(observer(answer));
        stream.onNext(ImportVotersRequest.newBuilder()
                .setHeader(ImportHeader.newBuilder().setElectionId(election).setRequestId(requestId())).build());
        int rows = firstLoadRows();
        for (int from = 0; from < rows; from += 5_000) {
            int start = from;
            stream.onNext(ImportVotersRequest.newBuilder().setVoters(VoterRows.newBuilder().addAllRows(
                    IntStream.range(start, Math.min(rows, start + 5_000)).mapToObj(n -> voter(n, "S1")).toList()))
                    .build());
        }
        return stream;
    }

    /** The partition bound of the election's roll table, null when it is not a partition of voter. */
    private String partitionBound(String election) throws SQLException {
        return queryString("SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_inherits i"
                + " ON i.inhrelid = c.oid AND i.inhparent = 'voter'::regclass"
                + " WHERE c.oid = to_regclass(voter_roll_table(?))", election);
    }

    private String queryString(String sql, String election) throws SQLException {
        List<String> values = queryStrings(sql, election);
        return values.isEmpty() ? null : values.get(0);
    }

    private List<String> queryStrings(String sql, String election) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, election);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    /** Polls PostgreSQL until the election's first load is seen copying rows; fails after 10 s. */
    private long awaitFirstLoadCopying(String election) throws Exception {
        long deadline = System.nanoTime() + SERVER_WAIT.toNanos();
        long copied = -1;
        while (System.nanoTime() < deadline) {
            copied = queryLong(FIRST_LOAD, election, -1);
            if (copied > 0) {
                return copied;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("within " + SERVER_WAIT.toSeconds() + " s the server was never seen copying rows"
                + " into voter for the first load of " + election + " (last seen tuples_processed: "
                + (copied < 0 ? "no COPY" : copied) + ")");
    }

    /** Polls PostgreSQL until no backend holds the election's import lock (the load rolled back). */
    private void awaitFirstLoadGone(String election) throws Exception {
        long deadline = System.nanoTime() + SERVER_WAIT.toNanos();
        while (queryLong(IMPORT_LOCK, election, 0) > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cancelled first load of " + election + " still holds its import lock"
                        + " after " + SERVER_WAIT.toSeconds() + " s");
            }
            Thread.sleep(20);
        }
    }

    private long votersStored(String election) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM voter WHERE election_id = ?")) {
            count.setString(1, election);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The first column of the first row of {@code sql} for the election's lock key, or {@code none}. */
    private long queryLong(String sql, String election, long none) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, VOTER_IMPORT_LOCK_SPACE);
            query.setString(2, election);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : none;
            }
        }
    }

    @Test
    void concurrentImportsIntoOneRollLeaveEveryAcknowledgedRow() throws Exception {
        String election = electionWithStations();
        List<VoterRow> first = IntStream.range(0, 20_000).mapToObj(n -> voter(n, "S1")).toList();
        List<VoterRow> second = IntStream.range(10_000, 30_000).mapToObj(n -> voter(n, "S2")).toList();

        CompletableFuture<ImportReport> a = CompletableFuture.supplyAsync(() -> importVoters(election, first));
        CompletableFuture<ImportReport> b = CompletableFuture.supplyAsync(() -> importVoters(election, second));
        ImportReport ra = outcome(a);
        ImportReport rb = outcome(b);

        // Each import either completes, or fails FAILED_PRECONDITION while a first load runs.
        assertThat(ra != null || rb != null).isTrue();
        if (ra != null && rb != null) {
            assertThat(ra.getAccepted() + rb.getAccepted()).isEqualTo(30_000);
        }
        ImportReport completed = ra != null ? ra : rb;
        List<VoterRow> completedRows = ra != null ? first : second;
        ImportReport again = importVoters(election, completedRows);
        assertThat(again.getAccepted()).as("every acknowledged row is stored").isZero();
        assertThat(completed.getRejected()).isZero();
    }

    private static ImportReport outcome(CompletableFuture<ImportReport> result) throws Exception {
        try {
            return result.get();
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOfSatisfying(StatusRuntimeException.class,
                    sre -> assertThat(sre.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION));
            return null;
        }
    }

    @Test
    void streamWithoutHeaderIsInvalid() {
        CompletableFuture<ImportVotersResponse> answer = new CompletableFuture<>();
        StreamObserver<ImportVotersRequest> stream = imports().importVoters(observer(answer));
        stream.onNext(ImportVotersRequest.newBuilder().setVoters(VoterRows.newBuilder().addRows(voter(1, "S1"))).build());
        stream.onCompleted();

        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> await(answer));

        assertThat(violatedFields(e)).containsExactly("header");
    }

    @Test
    void badHeaderNamesItsFields() {
        CompletableFuture<ImportVotersResponse> answer = new CompletableFuture<>();
        StreamObserver<ImportVotersRequest> stream = imports().importVoters(observer(answer));
        stream.onNext(ImportVotersRequest.newBuilder().setHeader(ImportHeader.newBuilder().setElectionId("BAD")).build());
        stream.onCompleted();

        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT, () -> await(answer));

        assertThat(violatedFields(e)).containsExactlyInAnyOrder("header.election_id", "header.request_id");
    }

    @Test
    void messageOverTheRowLimitIsInvalidAndTheStreamStops() {
        String election = electionWithStations();
        List<VoterRow> rows = IntStream.range(0, 10_001).mapToObj(n -> voter(n, "S1")).toList();

        StatusRuntimeException e = failure(Status.Code.INVALID_ARGUMENT,
                () -> importVoters(election, requestId(), rows, 10_001));

        assertThat(violatedFields(e)).containsExactly("voters.rows");
    }

    @Test
    void importIntoUnknownElectionIsNotFound() {
        failure(Status.Code.NOT_FOUND, () -> importVoters("no-such-election", List.of(voter(1, "S1"))));
    }

    @Test
    void importAfterFreezeIsRefusedAndChangesNothing() {
        String election = electionWithStations();
        importVoters(election, List.of(voter(1, "S1")));
        freezeRoll(election);

        failure(Status.Code.FAILED_PRECONDITION, () -> importVoters(election, List.of(voter(2, "S1"))));

        failure(Status.Code.NOT_FOUND, () -> registry().getVoter(GetVoterRequest.newBuilder()
                .setElectionId(election).setNationalId(NationalId.of(2)).build()));
    }

    @Test
    void stationImportReportsUnknownDistrictsAndDuplicates() {
        String election = newElection();
        createDistrict(election, "D1");
        List<io.electa.registry.v1.StationRow> rows = new ArrayList<>(List.of(
                station("S1", "D1"), station("S2", "D9"), station("S1", "D1"), station("bad", "D1")));

        ImportReport report = importStations(election, requestId(), rows);

        assertThat(report.getAccepted()).isEqualTo(1);
        assertThat(report.getRejectionsList()).extracting(RowRejection::getReason).containsExactly(
                RejectionReason.REJECTION_REASON_UNKNOWN_DISTRICT,
                RejectionReason.REJECTION_REASON_DUPLICATE_IN_STREAM,
                RejectionReason.REJECTION_REASON_MALFORMED_CODE);
    }
}
