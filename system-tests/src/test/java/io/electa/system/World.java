package io.electa.system;

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
import io.electa.registry.v1.CreateStationRequest;
import io.electa.registry.v1.FreezeRollRequest;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.ImportVotersResponse;
import io.electa.registry.v1.OpenPollsRequest;
import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.RollImportServiceGrpc;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import io.electa.roll.NationalId;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.DefineCandidatesRequest;
import io.electa.tally.v1.NominationType;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.TallyServiceGrpc;
import io.electa.testing.StreamObservers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Elections and organisations set up through the public RPCs only, as the commission would: an
 * election of two districts (D1: S1, S2; D2: S3) with five voters per station and two candidates,
 * taken as far through its life as a test needs.
 */
final class World {
    static final Date ELECTION_DAY = Date.newBuilder().setYear(2027).setMonth(2).setDay(7).build();
    static final List<String> STATIONS = List.of("S1", "S2", "S3");
    static final Map<String, String> DISTRICT = Map.of("S1", "D1", "S2", "D1", "S3", "D2");
    static final int VOTERS_PER_STATION = 5;
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    final String electionId;
    /** The request_ids this world used to set itself up, by service: each taken by another method. */
    final String registryRequestId;
    final String tallyRequestId;
    private final Suite suite = Suite.get();

    private World(String electionId, String registryRequestId, String tallyRequestId) {
        this.electionId = electionId;
        this.registryRequestId = registryRequestId;
        this.tallyRequestId = tallyRequestId;
    }

    static String requestId() {
        return UUID.randomUUID().toString();
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "-" + SEQUENCE.incrementAndGet();
    }

    /** National ID of the {@code n}-th voter (0-based) of a station. */
    static String voter(String station, int n) {
        return NationalId.of(1 + STATIONS.indexOf(station) * VOTERS_PER_STATION + n);
    }

    /** A SCHEDULED election with its districts, stations, voters and candidates. */
    static World scheduled() {
        String id = unique("w");
        String registryRequest = requestId();
        String tallyRequest = requestId();
        World world = new World(id, registryRequest, tallyRequest);
        world.registry().createElection(CreateElectionRequest.newBuilder().setElectionId(id)
                .setName("Early presidential election").setElectionDay(ELECTION_DAY).setRequestId(registryRequest)
                .build());
        for (String district : List.of("D1", "D2")) {
            world.registry().createDistrict(CreateDistrictRequest.newBuilder().setElectionId(id)
                    .setDistrictCode(district).setName("District " + district).setRequestId(requestId()).build());
        }
        for (String station : STATIONS) {
            world.registry().createStation(CreateStationRequest.newBuilder().setElectionId(id).setStationCode(station)
                    .setDistrictCode(DISTRICT.get(station)).setName("Station " + station)
                    .setAddress("1 School Street").setRequestId(requestId()).build());
        }
        world.importVoters(votersRows());
        world.tally().defineCandidates(DefineCandidatesRequest.newBuilder().setElectionId(id)
                .addCandidates(candidate("A", 1)).addCandidates(candidate("B", 2))
                .setRequestId(tallyRequest).build());
        return world;
    }

    static World frozen() {
        World world = scheduled();
        world.registry().freezeRoll(FreezeRollRequest.newBuilder().setElectionId(world.electionId)
                .setRequestId(requestId()).build());
        return world;
    }

    static World polling() {
        World world = frozen();
        world.registry().openPolls(OpenPollsRequest.newBuilder().setElectionId(world.electionId)
                .setRequestId(requestId()).build());
        return world;
    }

    static World closed() {
        World world = polling();
        world.registry().closePolls(ClosePollsRequest.newBuilder().setElectionId(world.electionId)
                .setRequestId(requestId()).build());
        return world;
    }

    /** A balanced protocol of an empty ballot box (nobody was marked): every figure zero but the roll. */
    static ProtocolFigures emptyBox(int votersRegistered) {
        return ProtocolFigures.newBuilder().setVotersRegistered(votersRegistered)
                .setBallotsReceived(10).setBallotsCancelled(10)
                .addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode("A"))
                .addCandidateVotes(CandidateVotes.newBuilder().setCandidateCode("B"))
                .build();
    }

    /** The request_id of the last organisation this world created (taken by CreateOrganisation). */
    String organisationRequestId;

    /** A new organisation. */
    String organisation() {
        String id = unique("org");
        CreateOrganisationRequest request = organisation(id).build();
        organisationRequestId = request.getRequestId();
        observer().createOrganisation(request);
        return id;
    }

    static CreateOrganisationRequest.Builder organisation(String id) {
        return CreateOrganisationRequest.newBuilder().setOrganisationId(id).setName("Organisation " + id)
                .setType(OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION).setCountry("AT")
                .setContact(Contact.newBuilder().setName("Head of Mission").setEmail("mission@example.org"))
                .setRequestId(requestId());
    }

    ApplyForAccreditationRequest.Builder application(String organisation) {
        return ApplyForAccreditationRequest.newBuilder().setOrganisationId(organisation).setElectionId(electionId)
                .setObserver(ObserverPerson.newBuilder().setGivenName("Anna").setFamilyName("Observer")
                        .setCitizenship("AT").setIdentityDocumentNumber(unique("P").replace("-", "").toUpperCase())
                        .setDateOfBirth(Date.newBuilder().setYear(1975).setMonth(5).setDay(17)))
                .setMissionRole(MissionRole.MISSION_ROLE_SHORT_TERM_OBSERVER)
                .setCodeOfConductAccepted(true)
                .setRequestId(requestId());
    }

    /** A PENDING accreditation through a new organisation. */
    Accreditation pending() {
        return observer().applyForAccreditation(application(organisation()).build()).getAccreditation();
    }

    /** An APPROVED accreditation through a new organisation. */
    Accreditation approved() {
        return observer().approveAccreditation(ApproveAccreditationRequest.newBuilder()
                .setAccreditationId(pending().getAccreditationId()).setRequestId(requestId()).build())
                .getAccreditation();
    }

    RegistryServiceGrpc.RegistryServiceBlockingStub registry() {
        return RegistryServiceGrpc.newBlockingStub(suite.registryChannel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    TallyServiceGrpc.TallyServiceBlockingStub tally() {
        return TallyServiceGrpc.newBlockingStub(suite.tallyChannel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    ObserverServiceGrpc.ObserverServiceBlockingStub observer() {
        return ObserverServiceGrpc.newBlockingStub(suite.observerChannel).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    /** A self-nominated candidate. */
    static CandidateDefinition candidate(String code, int order) {
        return CandidateDefinition.newBuilder().setCandidateCode(code).setFullName("Candidate " + code)
                .setNominationType(NominationType.NOMINATION_TYPE_SELF_NOMINATED).setBallotOrder(order).build();
    }

    static List<VoterRow> votersRows() {
        List<VoterRow> rows = new ArrayList<>();
        for (String station : STATIONS) {
            for (int n = 0; n < VOTERS_PER_STATION; n++) {
                rows.add(VoterRow.newBuilder().setNationalId(voter(station, n)).setFamilyName("Family")
                        .setGivenName("Given " + n).setDateOfBirth(Date.newBuilder().setYear(1970).setMonth(1).setDay(1))
                        .setStationCode(station).build());
            }
        }
        return rows;
    }

    private void importVoters(List<VoterRow> rows) {
        CompletableFuture<ImportVotersResponse> answer = new CompletableFuture<>();
        var stream = RollImportServiceGrpc.newStub(suite.registryChannel).withDeadlineAfter(60, TimeUnit.SECONDS)
                .importVoters(StreamObservers.completing(answer));
        stream.onNext(ImportVotersRequest.newBuilder().setHeader(ImportHeader.newBuilder().setElectionId(electionId)
                .setRequestId(requestId())).build());
        stream.onNext(ImportVotersRequest.newBuilder().setVoters(VoterRows.newBuilder().addAllRows(rows)).build());
        stream.onCompleted();
        answer.orTimeout(60, TimeUnit.SECONDS).join();
    }
}
