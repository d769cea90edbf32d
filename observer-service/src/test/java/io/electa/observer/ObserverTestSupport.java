package io.electa.observer;

import io.electa.testing.TestTokens;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.electa.common.v1.Date;
import io.electa.observer.v1.Accreditation;
import io.electa.observer.v1.ApplyForAccreditationRequest;
import io.electa.observer.v1.ApproveAccreditationRequest;
import io.electa.observer.v1.Contact;
import io.electa.observer.v1.CreateOrganisationRequest;
import io.electa.observer.v1.MissionRole;
import io.electa.observer.v1.ObserverPerson;
import io.electa.observer.v1.ObserverServiceGrpc;
import io.electa.observer.v1.OrganisationType;
import io.electa.registry.v1.ClosePollsRequest;
import io.electa.registry.v1.CreateDistrictRequest;
import io.electa.registry.v1.CreateElectionRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportStationsRequest;
import io.electa.registry.v1.ImportStationsResponse;
import io.electa.registry.v1.OpenPollsRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.registry.v1.StationRow;
import io.electa.registry.v1.StationRows;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.NominationType;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.SubmitProtocolRequest;
import io.electa.tally.v1.TallyServiceGrpc;
import io.electa.testing.StreamObservers;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.common.QuarkusTestResource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Shared by the observer's tests: real gRPC clients of the service under test and of the real
 * registry process behind it, and builders for elections, organisations and applications. Every
 * test makes its own election and organisations, so tests do not depend on each other.
 */
@QuarkusTestResource(RegistryResource.class)
public abstract class ObserverTestSupport {
    /** Election day of the reference scenario. */
    protected static final Date ELECTION_DAY = Date.newBuilder().setYear(2027).setMonth(2).setDay(7).build();
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static ManagedChannel tallyChannel;
    private static ManagedChannel observerChannel;
    private static ManagedChannel registryChannel;

    protected static synchronized ObserverServiceGrpc.ObserverServiceBlockingStub observer() {
        if (observerChannel == null) {
            int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
            observerChannel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext()
                    .intercept(TestTokens.acting()).build();
        }
        return ObserverServiceGrpc.newBlockingStub(observerChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static synchronized ManagedChannel registryChannel() {
        if (registryChannel == null) {
            registryChannel = ManagedChannelBuilder.forAddress("localhost", RegistryResource.registry().port())
                    .usePlaintext().intercept(TestTokens.acting()).build();
        }
        return registryChannel;
    }

    protected static RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(registryChannel()).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    protected static String requestId() {
        return UUID.randomUUID().toString();
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
    }

    protected static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Defines two candidates of the election in the real tally (before its polls open). */
    protected static void defineCandidates(String election) {
        tally().defineCandidates(DefineCandidatesRequest.newBuilder().setElectionId(election)
                .addCandidates(CandidateDefinition.newBuilder().setCandidateCode("A").setFullName("Anna A")
                        .setNominationType(NominationType.NOMINATION_TYPE_SELF_NOMINATED).setBallotOrder(1))
                .addCandidates(CandidateDefinition.newBuilder().setCandidateCode("B").setFullName("Boris B")
                        .setNominationType(NominationType.NOMINATION_TYPE_SELF_NOMINATED).setBallotOrder(2))
                .setRequestId(requestId()).build());
    }

    /** Submits the station's protocol to the real tally (empty roll: every figure 0); its id. */
    protected static String protocolOf(String election, String station) {
        return tally().submitProtocol(SubmitProtocolRequest.newBuilder().setElectionId(election)
                .setStationCode(station).setFigures(ProtocolFigures.newBuilder()
                        .addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode("A"))
                        .addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode("B")))
                .setRequestId(requestId()).build()).getProtocol().getProtocolId();
    }

    private static synchronized TallyServiceGrpc.TallyServiceBlockingStub tally() {
        if (tallyChannel == null) {
            tallyChannel = ManagedChannelBuilder.forAddress("localhost", RegistryResource.tally().port())
                    .usePlaintext().intercept(TestTokens.acting()).build();
        }
        return TallyServiceGrpc.newBlockingStub(tallyChannel).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    /** A new registry election on the scenario's day: districts D1 (stations S1, S2) and D2 (S3). */
    protected static String newElection() {
        return newElection(List.of(station("S1", "D1"), station("S2", "D1"), station("S3", "D2")));
    }

    protected static String newElection(List<StationRow> stations) {
        String election = unique("e");
        registry().createElection(CreateElectionRequest.newBuilder().setElectionId(election)
                .setName("Early presidential election").setElectionDay(ELECTION_DAY).setRequestId(requestId()).build());
        stations.stream().map(StationRow::getDistrictCode).distinct().forEach(district -> registry()
                .createDistrict(CreateDistrictRequest.newBuilder().setElectionId(election).setDistrictCode(district)
                        .setName("District " + district).setRequestId(requestId()).build()));
        assertThat(importStations(election, stations)).isEqualTo(stations.size());
        return election;
    }

    protected static StationRow station(String code, String district) {
        return StationRow.newBuilder().setStationCode(code).setDistrictCode(district)
                .setName("Station " + code).setAddress("1 School Street, " + code).build();
    }

    /** Freezes the (empty) roll and opens the polls: observers may report. */
    protected static void openPolls(String election) {
        registry().freezeRoll(FreezeRollRequest.newBuilder().setElectionId(election).setRequestId(requestId()).build());
        registry().openPolls(OpenPollsRequest.newBuilder().setElectionId(election).setRequestId(requestId()).build());
    }

    protected static void closePolls(String election) {
        registry().closePolls(ClosePollsRequest.newBuilder().setElectionId(election).setRequestId(requestId()).build());
    }

    private static long importStations(String election, List<StationRow> rows) {
        CompletableFuture<ImportStationsResponse> answer = new CompletableFuture<>();
        StreamObserver<ImportStationsRequest> stream = RollImportServiceGrpc.newStub(registryChannel())
                .withDeadlineAfter(120, TimeUnit.SECONDS)
                .importStations(StreamObservers.completing(answer));
        stream.onNext(ImportStationsRequest.newBuilder()
                .setHeader(ImportHeader.newBuilder().setElectionId(election).setRequestId(requestId())).build());
        for (int from = 0; from < rows.size(); from += 1000) {
            stream.onNext(ImportStationsRequest.newBuilder().setStations(StationRows.newBuilder()
                    .addAllRows(rows.subList(from, Math.min(rows.size(), from + 1000)))).build());
        }
        stream.onCompleted();
        return answer.orTimeout(120, TimeUnit.SECONDS).join().getReport().getAccepted();
    }

    protected static CreateOrganisationRequest.Builder organisationRequest(String id) {
        return CreateOrganisationRequest.newBuilder()
                .setOrganisationId(id)
                .setName("Organisation " + id)
                .setType(OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION)
                .setCountry("AT")
                .setContact(Contact.newBuilder().setName("Head of Mission").setEmail("mission@example.org")
                        .setPhone("+4315140"))
                .setRequestId(requestId());
    }

    protected static String newOrganisation() {
        return newOrganisation(OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION, "AT");
    }

    protected static String newOrganisation(OrganisationType type, String country) {
        String id = unique("org");
        observer().createOrganisation(organisationRequest(id).setType(type).setCountry(country).build());
        return id;
    }

    protected static ObserverPerson person(String document, String citizenship) {
        return ObserverPerson.newBuilder()
                .setGivenName("Anna")
                .setFamilyName("Observer " + document)
                .setCitizenship(citizenship)
                .setIdentityDocumentNumber(document)
                .setDateOfBirth(Date.newBuilder().setYear(1975).setMonth(5).setDay(17))
                .build();
    }

    protected static ApplyForAccreditationRequest.Builder application(String organisation, String election,
            ObserverPerson person) {
        return ApplyForAccreditationRequest.newBuilder()
                .setOrganisationId(organisation)
                .setElectionId(election)
                .setObserver(person)
                .setMissionRole(MissionRole.MISSION_ROLE_SHORT_TERM_OBSERVER)
                .setCodeOfConductAccepted(true)
                .setRequestId(requestId());
    }

    /** A PENDING accreditation of a new person (random document number). */
    protected static Accreditation apply(String organisation, String election) {
        return apply(organisation, election, person(unique("P").replace("-", "").toUpperCase(), "AT"));
    }

    protected static Accreditation apply(String organisation, String election, ObserverPerson person) {
        return observer().applyForAccreditation(application(organisation, election, person).build()).getAccreditation();
    }

    protected static Accreditation approve(String accreditationId) {
        return observer().approveAccreditation(ApproveAccreditationRequest.newBuilder()
                .setAccreditationId(accreditationId).setRequestId(requestId()).build()).getAccreditation();
    }

    /** An APPROVED accreditation of a new person. */
    protected static Accreditation approved(String organisation, String election) {
        return approve(apply(organisation, election).getAccreditationId());
    }
}
