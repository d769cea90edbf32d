package io.electa.cli.demo;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.util.Timestamps;
import io.electa.cli.Services;
import io.electa.common.v1.Date;
import io.electa.observer.v1.Accreditation;
import io.electa.observer.v1.Answer;
import io.electa.observer.v1.ApplyForAccreditationRequest;
import io.electa.observer.v1.ApproveAccreditationRequest;
import io.electa.observer.v1.AssignObserverRequest;
import io.electa.observer.v1.ChecklistAnswer;
import io.electa.observer.v1.Contact;
import io.electa.observer.v1.CreateOrganisationRequest;
import io.electa.observer.v1.FileReportRequest;
import io.electa.observer.v1.GetStatisticsRequest;
import io.electa.observer.v1.IncidentCategory;
import io.electa.observer.v1.IncidentEntry;
import io.electa.observer.v1.IncidentSeverity;
import io.electa.observer.v1.MissionRole;
import io.electa.observer.v1.ObserverPerson;
import io.electa.observer.v1.OrganisationType;
import io.electa.observer.v1.RefuseAccreditationRequest;
import io.electa.observer.v1.RevokeAccreditationRequest;
import io.electa.observer.v1.Statistics;
import io.electa.scenario.Names;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * The international observers: the organisations that send them, their applications (most
 * approved, some refused with reasons, one revoked after approval), their deployment to
 * stations, and one report each from election day, some with incidents.
 */
final class Observation {
    /** An organisation that sends observers, with its id, name, type and seat. */
    private record Sender(String id, String name, OrganisationType type, String country) {
    }

    /** The country of the largest delegation: it sends through all of these organisations. */
    static final String LARGEST = "RU";
    private static final List<Sender> INTERNATIONAL = List.of(
            new Sender("osce-odihr", "OSCE Office for Democratic Institutions and Human Rights",
                    OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION, "PL"),
            new Sender("cis-ec", "CIS Executive Committee", OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION,
                    "BY"),
            new Sender("ipa-cis", "Inter-Parliamentary Assembly of the CIS",
                    OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION, "RU"),
            new Sender("sco", "Shanghai Cooperation Organisation",
                    OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION, "CN"));
    /** Countries whose parliaments send delegations, the largest delegation's first. */
    private static final List<String> PARLIAMENTS = List.of(LARGEST, "KZ", "AM", "KG", "TJ", "UZ", "AZ", "RS", "MD",
            "DE", "FR", "IT", "LT", "LV", "PL", "SE", "GB", "TR", "CN", "MN");
    private static final String[] REFUSALS = {
        "the identity document had expired on the day of application",
        "the organisation's letter of delegation does not name this observer",
        "the same person applied through two organisations; the other application was approved"};
    private static final String[] QUESTIONS = {"opening.seals-intact", "secrecy.booths-used", "roll.checked",
        "ink.applied", "order.no-campaigning"};

    /** Calls in flight at once: organisations file and decide many applications at a time. */
    private static final int IN_FLIGHT = 16;

    private final Services services;
    private final String election;
    private final Scale scale;
    private final SplittableRandom random;
    private final List<Accreditation> deployed = new ArrayList<>();
    private final Map<String, String> stationOf = new HashMap<>();
    private Accreditation revoked;

    Observation(Services services, String election, Scale scale, long seed) {
        this.services = services;
        this.election = election;
        this.scale = scale;
        this.random = new SplittableRandom(seed ^ 0x0B5E_47E2L);
    }

    /** Creates the organisations; their number. */
    int organisations() {
        List<Sender> senders = senders();
        for (Sender s : senders) {
            String requestId = Services.requestId();
            try {
                Services.retrying(() -> services.observer().createOrganisation(CreateOrganisationRequest.newBuilder()
                        .setOrganisationId(s.id()).setName(s.name()).setType(s.type()).setCountry(s.country())
                        .setContact(Contact.newBuilder().setName("Head of Mission").setEmail("mission@" + s.id()
                                + ".example.org")).setRequestId(requestId).build()));
            } catch (StatusRuntimeException e) {
                if (e.getStatus().getCode() != Status.Code.ALREADY_EXISTS) {
                    throw e; // organisations outlive elections: an earlier demo created them
                }
            }
        }
        return senders.size();
    }

    /** One application as the demo files it: who, through whom, and whether it will be refused. */
    private record Application(int index, Sender sender, String citizenship, long person, boolean refused) {
    }

    /**
     * Files every application and decides it, many at once: {@link Scale#observers()} + 1
     * approved (one is revoked later), the rest refused with a reason.
     */
    String accredit() {
        int refusals = Math.max(2, scale.observers() / 60);
        List<Sender> parliaments = senders().subList(INTERNATIONAL.size(), senders().size());
        List<Application> applications = new ArrayList<>();
        for (int i = 0; i < scale.observers() + 1 + refusals; i++) {
            boolean largest = i < scale.largestDelegation() + 1;
            String citizenship = largest ? LARGEST : PARLIAMENTS.get(1 + random.nextInt(PARLIAMENTS.size() - 1));
            Sender sender = random.nextInt(3) == 0 ? parliamentOf(parliaments, citizenship)
                    : INTERNATIONAL.get(random.nextInt(INTERNATIONAL.size()));
            applications.add(new Application(i, sender, citizenship, random.nextLong(), i >= scale.observers() + 1));
        }
        Accreditation[] approved = new Accreditation[applications.size()];
        Concurrent.run(applications.iterator(), IN_FLIGHT, application -> Futures.transformAsync(
                services.observerFutures().applyForAccreditation(apply(application)),
                filed -> decide(application, filed.getAccreditation(), approved), MoreExecutors.directExecutor()),
                done -> { });
        for (Accreditation a : approved) {
            if (a != null) {
                deployed.add(a);
            }
        }
        revoked = deployed.remove(0);
        Services.retrying(() -> services.observer().revokeAccreditation(RevokeAccreditationRequest.newBuilder()
                .setAccreditationId(revoked.getAccreditationId())
                .setReason("campaigned for a candidate in a polling station (code of conduct, rule 4)")
                .setRequestId(election + "-revoke").build()));
        return (deployed.size() + 1) + " approved, " + refusals + " refused with reasons, 1 revoked (badge "
                + revoked.getBadgeNumber() + "): " + deployed.size() + " accredited";
    }

    private ListenableFuture<?> decide(Application application, Accreditation filed, Accreditation[] approved) {
        if (application.refused()) {
            return services.observerFutures().refuseAccreditation(RefuseAccreditationRequest.newBuilder()
                    .setAccreditationId(filed.getAccreditationId())
                    .setReason(REFUSALS[application.index() % REFUSALS.length])
                    .setRequestId(election + "-refuse-" + application.index()).build());
        }
        return Futures.transform(services.observerFutures().approveAccreditation(ApproveAccreditationRequest
                .newBuilder().setAccreditationId(filed.getAccreditationId())
                .setRequestId(election + "-approve-" + application.index()).build()),
                answer -> approved[application.index()] = answer.getAccreditation(), MoreExecutors.directExecutor());
    }

    /** Sends every accredited observer to a station, many at once; the number of stations covered. */
    long deploy(int stations, IntFunction<String> stationCode) {
        List<AssignObserverRequest> assignments = new ArrayList<>();
        for (int i = 0; i < deployed.size(); i++) {
            Accreditation a = deployed.get(i);
            String station = stationCode.apply(random.nextInt(stations));
            stationOf.put(a.getAccreditationId(), station);
            assignments.add(AssignObserverRequest.newBuilder().setAccreditationId(a.getAccreditationId())
                    .setStationCode(station).setRequestId(election + "-assign-" + i).build());
        }
        Concurrent.run(assignments.iterator(), IN_FLIGHT, services.observerFutures()::assignObserver, done -> { });
        return stationOf.values().stream().distinct().count();
    }

    /** One report per deployed observer from the station, every twentieth with an incident; the incidents. */
    int report() {
        Instant now = Instant.now();
        List<FileReportRequest> reports = new ArrayList<>();
        int incidents = 0;
        for (int i = 0; i < deployed.size(); i++) {
            Accreditation a = deployed.get(i);
            FileReportRequest.Builder report = FileReportRequest.newBuilder().setAccreditationId(a.getAccreditationId())
                    .setStationCode(stationOf.get(a.getAccreditationId()))
                    .setArrivalTime(Timestamps.fromMillis(now.minusSeconds(3_600).toEpochMilli()))
                    .setDepartureTime(Timestamps.fromMillis(now.minusSeconds(600).toEpochMilli()))
                    .setRequestId(election + "-report-" + i);
            for (String question : QUESTIONS) {
                report.addAnswers(ChecklistAnswer.newBuilder().setQuestionId(question).setAnswer(Answer.ANSWER_YES));
            }
            if (random.nextInt(20) == 0) {
                incidents++;
                report.addIncidents(IncidentEntry.newBuilder()
                        .setCategory(random.nextBoolean() ? IncidentCategory.INCIDENT_CATEGORY_CAMPAIGNING
                                : IncidentCategory.INCIDENT_CATEGORY_VOTER_LIST)
                        .setSeverity(IncidentSeverity.INCIDENT_SEVERITY_MEDIUM)
                        .setDescription("Campaign posters within 50 m of the entrance; removed after the observer's "
                                + "remark")
                        .setOccurTime(Timestamps.fromMillis(now.minusSeconds(1_800).toEpochMilli())));
            }
            reports.add(report.build());
        }
        Concurrent.run(reports.iterator(), IN_FLIGHT, services.observerFutures()::fileReport, done -> { });
        return incidents;
    }

    Statistics statistics() {
        return services.observer().getStatistics(GetStatisticsRequest.newBuilder().setElectionId(election).build())
                .getStatistics();
    }

    private ApplyForAccreditationRequest apply(Application application) {
        long person = application.person();
        String citizenship = application.citizenship();
        int i = application.index();
        return ApplyForAccreditationRequest.newBuilder().setElectionId(election)
                .setOrganisationId(application.sender().id())
                .setObserver(ObserverPerson.newBuilder().setGivenName(Names.given(person))
                        .setFamilyName(Names.family(person >>> 20)).setCitizenship(citizenship)
                        .setIdentityDocumentNumber("P" + citizenship + String.format("%07d", i))
                        .setDateOfBirth(Date.newBuilder().setYear(1950 + (int) ((person >>> 40) % 50))
                                .setMonth(1 + (int) ((person >>> 8) % 12)).setDay(1 + (int) ((person >>> 16) % 28))))
                .setMissionRole(i % 25 == 0 ? MissionRole.MISSION_ROLE_CORE_TEAM
                        : MissionRole.MISSION_ROLE_SHORT_TERM_OBSERVER)
                .setCodeOfConductAccepted(true).setRequestId(election + "-apply-" + i).build();
    }

    private static Sender parliamentOf(List<Sender> parliaments, String country) {
        return parliaments.stream().filter(p -> p.country().equals(country)).findFirst().orElseThrow();
    }

    private static List<Sender> senders() {
        List<Sender> senders = new ArrayList<>(INTERNATIONAL);
        for (String country : PARLIAMENTS) {
            senders.add(new Sender("parliament-" + country.toLowerCase(java.util.Locale.ROOT), "Parliament ("
                    + country + ")", OrganisationType.ORGANISATION_TYPE_FOREIGN_PARLIAMENT, country));
        }
        return senders;
    }
}
