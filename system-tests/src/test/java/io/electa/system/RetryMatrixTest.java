package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import io.electa.observer.v1.AssignObserverRequest;
import io.electa.observer.v1.FileReportRequest;
import io.electa.observer.v1.ListAccreditationsRequest;
import io.electa.observer.v1.ListAssignmentsRequest;
import io.electa.observer.v1.RefuseAccreditationRequest;
import io.electa.observer.v1.RevokeAccreditationRequest;
import io.electa.observer.v1.SetQuotaRequest;
import io.electa.observer.v1.ApproveAccreditationRequest;
import io.electa.registry.v1.CancelAbsenteeCertificateRequest;
import io.electa.registry.v1.ClosePollsRequest;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.CreateStationRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.GetTurnoutRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportStationsRequest;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.IssueAbsenteeCertificateRequest;
import io.electa.registry.v1.ListDistrictsRequest;
import io.electa.registry.v1.ListStationsRequest;
import io.electa.registry.v1.MarkVotedRequest;
import io.electa.registry.v1.MarkVotedResponse;
import io.electa.common.v1.AuditEvent;
import io.electa.testing.TestTokens;
import io.electa.registry.v1.OpenPollsRequest;
import io.electa.registry.v1.StationRow;
import io.electa.registry.v1.StationRows;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import io.electa.tally.v1.AcceptProtocolRequest;
import io.electa.tally.v1.CertifyResultsRequest;
import io.electa.tally.v1.CorrectProtocolRequest;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.ExcludeStationRequest;
import io.electa.tally.v1.GetLedgerHeadRequest;
import io.electa.tally.v1.RejectProtocolRequest;
import io.electa.tally.v1.SubmitProtocolRequest;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every mutating RPC of every service, retried as real clients retry: the same request again
 * (sequential twin), the same request eight times at once (concurrent twins), and the same
 * request_id for a different request (another body, or a request_id another RPC took). Twins get
 * the first answer, byte for byte, and act once; a reused request_id is INVALID_ARGUMENT with
 * reason REQUEST_ID_REUSED and changes nothing.
 */
class RetryMatrixTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final int TWINS = 8;

    /** One prepared mutation: its messages, the same request_id with another body, and its effects so far. */
    record Attempt(List<Message> request, List<Message> other, String takenRequestId, LongSupplier effects) {
        static Attempt of(Message request, Message other, String takenRequestId, LongSupplier effects) {
            return new Attempt(List.of(request), List.of(other), takenRequestId, effects);
        }
    }

    /** A mutating RPC and how to prepare a fresh attempt of it. */
    record Case(String method, Supplier<Attempt> prepare) {
        MethodDescriptor descriptor() {
            return Contracts.SERVICES.stream().flatMap(s -> s.methods().stream())
                    .filter(m -> m.getFullName().equals(method)).findFirst().orElseThrow();
        }
    }

    private static final List<Case> CASES = cases();

    /** Mutating RPCs whose items carry their own request_ids: retried item by item in PollBookRetryTest. */
    @Test
    void everyMutatingRpcIsInTheMatrix() {
        Set<String> covered = new java.util.HashSet<>(CASES.stream().map(Case::method).toList());
        covered.addAll(PollBookRetryTest.COVERED);
        Set<String> mutations = Contracts.SERVICES.stream().flatMap(s -> s.methods().stream())
                .filter(Contracts::isMutation).map(MethodDescriptor::getFullName).collect(Collectors.toSet());
        assertThat(covered).isEqualTo(mutations);
    }

    @TestFactory
    Stream<DynamicTest> twinsGetTheFirstAnswerAndActOnce() {
        return CASES.stream().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest(c.method() + " again", () -> sequentialTwin(c)),
                DynamicTest.dynamicTest(c.method() + " " + TWINS + " at once", () -> concurrentTwins(c))));
    }

    @TestFactory
    Stream<DynamicTest> aRequestIdReusedForAnotherRequestIsRefused() {
        return CASES.stream().flatMap(c -> Stream.of(
                DynamicTest.dynamicTest(c.method() + " other body", () -> reusedForOtherBody(c)),
                DynamicTest.dynamicTest(c.method() + " taken by another RPC", () -> reusedFromAnotherRpc(c))));
    }

    private static void sequentialTwin(Case c) throws Exception {
        Attempt attempt = c.prepare().get();
        long before = attempt.effects().getAsLong();
        RawCall.Answer first = call(c, attempt.request());
        long after = attempt.effects().getAsLong();
        RawCall.Answer again = call(c, attempt.request());

        assertOk(c, first);
        assertOk(c, again);
        assertThat(again.messages().get(0)).as("the retry's answer").isEqualTo(first.messages().get(0));
        assertThat(attempt.effects().getAsLong()).as("effects after the retry").isEqualTo(after);
        assertThat(after - before).as("effects of one request").isLessThanOrEqualTo(1);
        assertAuditedOnce(c, attempt, first);
    }

    /**
     * The change is in its service's audit trail once, by the caller (the tests' subject "test"),
     * however often it was asked for; a vote mark is its own record and names its clerk instead.
     */
    private static void assertAuditedOnce(Case c, Attempt attempt, RawCall.Answer answer) throws Exception {
        MethodDescriptor method = c.descriptor();
        List<AuditEvent> events = AuditTrails.ofRequest(method, requestIdOf(attempt.request()));
        if (method.getName().equals("MarkVoted")) {
            assertThat(events).as("a vote mark is not copied into the trail").isEmpty();
            assertThat(MarkVotedResponse.parseFrom(answer.messages().get(0)).getMark().getMarkedBy())
                    .as("the mark names its clerk").isEqualTo(TestTokens.SUBJECT);
            return;
        }
        assertThat(events).as(c.method() + " audited once").hasSize(1);
        AuditEvent event = events.get(0);
        assertThat(event.getRpc()).isEqualTo(AuditTrails.grpcName(method));
        assertThat(event.getSubject()).isEqualTo(TestTokens.SUBJECT);
        assertThat(event.getRolesList()).as("the roles the caller acted with").isNotEmpty();
        assertThat(event.getOutcome()).isNotBlank();
        assertThat(event.hasEventTime()).isTrue();
    }

    private static void concurrentTwins(Case c) throws Exception {
        Attempt attempt = c.prepare().get();
        long before = attempt.effects().getAsLong();
        ExecutorService pool = Executors.newFixedThreadPool(TWINS);
        try {
            List<CompletableFuture<RawCall.Answer>> twins = new ArrayList<>();
            for (int i = 0; i < TWINS; i++) {
                twins.add(CompletableFuture.supplyAsync(() -> call(c, attempt.request()), pool));
            }
            List<RawCall.Answer> answers = new ArrayList<>();
            for (CompletableFuture<RawCall.Answer> twin : twins) {
                answers.add(twin.get());
            }
            answers.forEach(answer -> assertOk(c, answer));
            assertThat(answers.stream().map(a -> com.google.protobuf.ByteString.copyFrom(a.messages().get(0)))
                    .distinct().count()).as("distinct answers of the twins").isEqualTo(1);
            assertThat(attempt.effects().getAsLong() - before).as("effects of " + TWINS + " twins")
                    .isLessThanOrEqualTo(1);
            assertAuditedOnce(c, attempt, answers.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void reusedForOtherBody(Case c) {
        Attempt attempt = c.prepare().get();
        assertOk(c, call(c, attempt.request()));
        long before = attempt.effects().getAsLong();

        RawCall.Answer reused = call(c, withRequestId(attempt.other(), requestIdOf(attempt.request())));

        assertReused(c, reused);
        assertThat(attempt.effects().getAsLong()).as("effects of a refused request").isEqualTo(before);
    }

    private static void reusedFromAnotherRpc(Case c) {
        Attempt attempt = c.prepare().get();
        long before = attempt.effects().getAsLong();

        RawCall.Answer reused = call(c, withRequestId(attempt.request(), attempt.takenRequestId()));

        assertReused(c, reused);
        assertThat(attempt.effects().getAsLong()).as("effects of a refused request").isEqualTo(before);
    }

    private static void assertOk(Case c, RawCall.Answer answer) {
        assertThat(answer.status().getCode()).as(c.method() + ": " + answer.status()).isEqualTo(Status.Code.OK);
        assertThat(answer.messages()).as(c.method() + " answers once").hasSize(1);
    }

    private static void assertReused(Case c, RawCall.Answer answer) {
        assertThat(answer.status().getCode()).as(c.method() + ": " + answer.status())
                .isEqualTo(Status.Code.INVALID_ARGUMENT);
        assertThat(answer.fieldViolations()).as(c.method() + " names the request_id")
                .anySatisfy(v -> assertThat(v.getReason()).isEqualTo("REQUEST_ID_REUSED"));
    }

    private static RawCall.Answer call(Case c, List<Message> messages) {
        MethodDescriptor method = c.descriptor();
        Suite suite = Suite.get();
        return RawCall.call(Contracts.serviceOf(method).channel().apply(suite), method,
                messages.stream().map(Message::toByteArray).toList(), DEADLINE);
    }

    /** The request_id of a request (of a stream: of its header). */
    private static String requestIdOf(List<Message> messages) {
        Message first = messages.get(0);
        FieldDescriptor field = first.getDescriptorForType().findFieldByName("request_id");
        if (field != null) {
            return (String) first.getField(field);
        }
        Message header = (Message) first.getField(first.getDescriptorForType().findFieldByName("header"));
        return (String) header.getField(header.getDescriptorForType().findFieldByName("request_id"));
    }

    private static List<Message> withRequestId(List<Message> messages, String requestId) {
        List<Message> out = new ArrayList<>(messages);
        Message first = out.get(0);
        FieldDescriptor field = first.getDescriptorForType().findFieldByName("request_id");
        if (field != null) {
            out.set(0, first.toBuilder().setField(field, requestId).build());
        } else {
            FieldDescriptor headerField = first.getDescriptorForType().findFieldByName("header");
            Message header = (Message) first.getField(headerField);
            Message changed = header.toBuilder()
                    .setField(header.getDescriptorForType().findFieldByName("request_id"), requestId).build();
            out.set(0, first.toBuilder().setField(headerField, changed).build());
        }
        return out;
    }

    private static String id() {
        return World.requestId();
    }

    private static LongSupplier none() {
        return () -> 0;
    }

    private static LongSupplier ledger(World w) {
        return () -> w.tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(w.electionId).build())
                .getHead().getSequence();
    }

    private static Timestamp now() {
        Instant now = Instant.now();
        return Timestamp.newBuilder().setSeconds(now.getEpochSecond()).build();
    }

    private static List<Case> cases() {
        String registry = "electa.registry.v1.RegistryService.";
        String imports = "electa.registry.v1.RollImportService.";
        String tally = "electa.tally.v1.TallyService.";
        String observer = "electa.observer.v1.ObserverService.";
        return List.of(
                new Case(registry + "CreateElection", () -> {
                    World w = World.scheduled();
                    String election = World.unique("c");
                    var request = CreateElectionRequest.newBuilder().setElectionId(election).setName("Election")
                            .setElectionDay(World.ELECTION_DAY).setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setName("Another election").build(),
                            districtRequestId(w), none());
                }),
                new Case(registry + "CreateDistrict", () -> {
                    World w = World.scheduled();
                    var request = CreateDistrictRequest.newBuilder().setElectionId(w.electionId).setDistrictCode("D3")
                            .setName("District 3").setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setName("Another district").build(),
                            w.registryRequestId, () -> w.registry().listDistricts(ListDistrictsRequest.newBuilder()
                                    .setElectionId(w.electionId).build()).getDistrictsCount());
                }),
                new Case(registry + "CreateStation", () -> {
                    World w = World.scheduled();
                    var request = CreateStationRequest.newBuilder().setElectionId(w.electionId).setStationCode("S4")
                            .setDistrictCode("D2").setName("Station 4").setAddress("2 School Street")
                            .setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setAddress("3 School Street").build(),
                            w.registryRequestId, stations(w));
                }),
                new Case(registry + "FreezeRoll", () -> {
                    World w = World.scheduled();
                    var request = FreezeRollRequest.newBuilder().setElectionId(w.electionId).setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setElectionId(World.scheduled().electionId).build(),
                            w.registryRequestId, none());
                }),
                new Case(registry + "OpenPolls", () -> {
                    World w = World.frozen();
                    var request = OpenPollsRequest.newBuilder().setElectionId(w.electionId).setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setElectionId(World.frozen().electionId).build(),
                            w.registryRequestId, none());
                }),
                new Case(registry + "ClosePolls", () -> {
                    World w = World.polling();
                    var request = ClosePollsRequest.newBuilder().setElectionId(w.electionId).setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setElectionId(World.polling().electionId).build(),
                            w.registryRequestId, none());
                }),
                new Case(registry + "IssueAbsenteeCertificate", () -> {
                    World w = World.frozen();
                    var request = IssueAbsenteeCertificateRequest.newBuilder().setElectionId(w.electionId)
                            .setNationalId(World.voter("S1", 0)).setStationCode("S3").setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setStationCode("S2").build(), w.registryRequestId,
                            none());
                }),
                new Case(registry + "CancelAbsenteeCertificate", () -> {
                    World w = World.frozen();
                    String certificate = w.registry().issueAbsenteeCertificate(IssueAbsenteeCertificateRequest
                            .newBuilder().setElectionId(w.electionId).setNationalId(World.voter("S1", 1))
                            .setStationCode("S3").setRequestId(id()).build()).getCertificate().getCertificateId();
                    var request = CancelAbsenteeCertificateRequest.newBuilder().setElectionId(w.electionId)
                            .setCertificateId(certificate).setReason("the voter stays home").setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setReason("another reason").build(),
                            w.registryRequestId, none());
                }),
                new Case(registry + "MarkVoted", () -> {
                    World w = World.polling();
                    var request = MarkVotedRequest.newBuilder().setElectionId(w.electionId)
                            .setNationalId(World.voter("S1", 0)).setStationCode("S1").setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setNationalId(World.voter("S1", 1)).build(),
                            w.registryRequestId, () -> w.registry().getTurnout(GetTurnoutRequest.newBuilder()
                                    .setElectionId(w.electionId).setStationCode("S1").build()).getTurnout().getVoted());
                }),
                new Case(imports + "ImportStations", () -> {
                    World w = World.scheduled();
                    var header = ImportStationsRequest.newBuilder().setHeader(ImportHeader.newBuilder()
                            .setElectionId(w.electionId).setRequestId(id())).build();
                    return new Attempt(List.of(header, stationRows("S5")), List.of(header, stationRows("S6")),
                            w.registryRequestId, stations(w));
                }),
                new Case(imports + "ImportVoters", () -> {
                    World w = World.scheduled();
                    var header = ImportVotersRequest.newBuilder().setHeader(ImportHeader.newBuilder()
                            .setElectionId(w.electionId).setRequestId(id())).build();
                    return new Attempt(List.of(header, voterRows(900)), List.of(header, voterRows(901)),
                            w.registryRequestId, none());
                }),
                new Case(tally + "DefineCandidates", () -> {
                    World w = World.scheduled();
                    var request = DefineCandidatesRequest.newBuilder().setElectionId(w.electionId)
                            .addCandidates(World.candidate("A", 1)).addCandidates(World.candidate("B", 2))
                            .addCandidates(World.candidate("C", 3)).setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().removeCandidates(2).build(), w.tallyRequestId,
                            ledger(w));
                }),
                new Case(tally + "SubmitProtocol", () -> {
                    World w = World.closed();
                    var request = submit(w, "S1");
                    return Attempt.of(request, request.toBuilder().setStationCode("S2").build(), w.tallyRequestId,
                            ledger(w));
                }),
                new Case(tally + "CorrectProtocol", () -> {
                    World w = World.closed();
                    String first = w.tally().submitProtocol(submit(w, "S1")).getProtocol().getProtocolId();
                    var request = CorrectProtocolRequest.newBuilder().setElectionId(w.electionId)
                            .setSupersedesProtocolId(first).setFigures(World.emptyBox(World.VOTERS_PER_STATION))
                            .setReason("recount").setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setReason("another recount").build(),
                            w.tallyRequestId, ledger(w));
                }),
                new Case(tally + "AcceptProtocol", () -> {
                    World w = World.closed();
                    String quarantined = w.tally().submitProtocol(submit(w, "S1").toBuilder()
                            .setFigures(World.emptyBox(World.VOTERS_PER_STATION + 1)).build()).getProtocol()
                            .getProtocolId();
                    var request = AcceptProtocolRequest.newBuilder().setElectionId(w.electionId)
                            .setProtocolId(quarantined).setJustification("the list had a late addition")
                            .setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setJustification("another reason").build(),
                            w.tallyRequestId, ledger(w));
                }),
                new Case(tally + "RejectProtocol", () -> {
                    World w = World.closed();
                    String accepted = w.tally().submitProtocol(submit(w, "S1")).getProtocol().getProtocolId();
                    var request = RejectProtocolRequest.newBuilder().setElectionId(w.electionId).setProtocolId(accepted)
                            .setReason("the seals were broken").setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setReason("another reason").build(),
                            w.tallyRequestId, ledger(w));
                }),
                new Case(tally + "ExcludeStation", () -> {
                    World w = World.closed();
                    var request = ExcludeStationRequest.newBuilder().setElectionId(w.electionId).setStationCode("S3")
                            .setReason("the station never opened").setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setReason("another reason").build(),
                            w.tallyRequestId, ledger(w));
                }),
                new Case(tally + "CertifyResults", () -> {
                    World w = World.closed();
                    for (String station : World.STATIONS) {
                        w.tally().submitProtocol(submit(w, station));
                    }
                    long head = ledger(w).getAsLong();
                    var request = CertifyResultsRequest.newBuilder().setElectionId(w.electionId).setRequestId(id())
                            .build();
                    return Attempt.of(request, request.toBuilder().setExpectedLedgerSequence(head).build(),
                            w.tallyRequestId, ledger(w));
                }),
                new Case(observer + "CreateOrganisation", () -> {
                    World w = World.scheduled();
                    w.organisation();
                    var request = World.organisation(World.unique("org")).build();
                    return Attempt.of(request, request.toBuilder().setName("Another name").build(),
                            w.organisationRequestId, none());
                }),
                new Case(observer + "SetQuota", () -> {
                    World w = World.scheduled();
                    String organisation = w.organisation();
                    var request = SetQuotaRequest.newBuilder().setOrganisationId(organisation)
                            .setElectionId(w.electionId).setMaxObservers(5).setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setMaxObservers(6).build(), w.organisationRequestId,
                            none());
                }),
                new Case(observer + "ApplyForAccreditation", () -> {
                    World w = World.scheduled();
                    String organisation = w.organisation();
                    var request = w.application(organisation).build();
                    return Attempt.of(request, w.application(organisation).setRequestId(request.getRequestId()).build(),
                            w.organisationRequestId, () -> w.observer().listAccreditations(ListAccreditationsRequest
                                    .newBuilder().setElectionId(w.electionId).setOrganisationId(organisation).build())
                                    .getAccreditationsCount());
                }),
                new Case(observer + "ApproveAccreditation", () -> {
                    World w = World.scheduled();
                    String pending = w.pending().getAccreditationId();
                    var request = ApproveAccreditationRequest.newBuilder().setAccreditationId(pending)
                            .setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setAccreditationId(w.pending().getAccreditationId())
                            .build(), w.organisationRequestId, none());
                }),
                new Case(observer + "RefuseAccreditation", () -> {
                    World w = World.scheduled();
                    var request = RefuseAccreditationRequest.newBuilder()
                            .setAccreditationId(w.pending().getAccreditationId()).setReason("no accreditation letter")
                            .setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setReason("another reason").build(),
                            w.organisationRequestId, none());
                }),
                new Case(observer + "RevokeAccreditation", () -> {
                    World w = World.scheduled();
                    var request = RevokeAccreditationRequest.newBuilder()
                            .setAccreditationId(w.approved().getAccreditationId()).setReason("breach of the code")
                            .setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setReason("another reason").build(),
                            w.organisationRequestId, none());
                }),
                new Case(observer + "AssignObserver", () -> {
                    World w = World.frozen();
                    String approved = w.approved().getAccreditationId();
                    var request = AssignObserverRequest.newBuilder().setAccreditationId(approved).setStationCode("S1")
                            .setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setStationCode("S2").build(),
                            w.organisationRequestId, () -> w.observer().listAssignments(ListAssignmentsRequest
                                    .newBuilder().setElectionId(w.electionId).setAccreditationId(approved).build())
                                    .getAssignmentsCount());
                }),
                new Case(observer + "FileReport", () -> {
                    World w = World.polling();
                    String approved = w.approved().getAccreditationId();
                    var request = FileReportRequest.newBuilder().setAccreditationId(approved).setStationCode("S1")
                            .setArrivalTime(now()).setRequestId(id()).build();
                    return Attempt.of(request, request.toBuilder().setStationCode("S2").build(),
                            w.organisationRequestId, none());
                }));
    }

    private static String districtRequestId(World w) {
        String taken = id();
        w.registry().createDistrict(CreateDistrictRequest.newBuilder().setElectionId(w.electionId).setDistrictCode("D9")
                .setName("District 9").setRequestId(taken).build());
        return taken;
    }

    private static LongSupplier stations(World w) {
        return () -> w.registry().listStations(ListStationsRequest.newBuilder().setElectionId(w.electionId).build())
                .getStationsCount();
    }

    private static SubmitProtocolRequest submit(World w, String station) {
        return SubmitProtocolRequest.newBuilder().setElectionId(w.electionId).setStationCode(station)
                .setFigures(World.emptyBox(World.VOTERS_PER_STATION)).setRequestId(id()).build();
    }


    private static ImportStationsRequest stationRows(String code) {
        return ImportStationsRequest.newBuilder().setStations(StationRows.newBuilder().addRows(StationRow.newBuilder()
                .setStationCode(code).setDistrictCode("D1").setName("Station " + code).setAddress("9 School Street")))
                .build();
    }

    private static ImportVotersRequest voterRows(int n) {
        return ImportVotersRequest.newBuilder().setVoters(VoterRows.newBuilder().addRows(VoterRow.newBuilder()
                .setNationalId(io.electa.roll.NationalId.of(n)).setFamilyName("Late").setGivenName("Voter")
                .setDateOfBirth(io.electa.common.v1.Date.newBuilder().setYear(1980).setMonth(3).setDay(3))
                .setStationCode("S1"))).build();
    }
}
