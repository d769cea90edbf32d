package io.electa.observer.grpc;

import io.electa.observer.domain.Application;
import io.electa.observer.domain.Organisation;
import io.electa.observer.domain.Person;
import io.electa.observer.domain.ReportFiling;
import io.electa.observer.repository.PageKeys;
import io.electa.observer.v1.ApplyForAccreditationRequest;
import io.electa.observer.v1.ChecklistAnswer;
import io.electa.observer.v1.CreateOrganisationRequest;
import io.electa.observer.v1.FileReportRequest;
import io.electa.observer.v1.IncidentEntry;
import io.electa.support.domain.Violations;
import io.electa.support.grpc.Pages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** Requests that carry more than a few fields, checked and turned into domain commands. */
final class Requests {
    static final int MAX_NAME = 200;
    static final int MAX_PERSON_NAME = 100;
    static final int MAX_REASON = 2000;
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_ANSWERS = 500;
    static final int MAX_INCIDENTS = 100;
    /** Clock skew tolerated for times an observer's device reports ("not in the future"). */
    static final Duration SKEW = Duration.ofMinutes(5);

    private Requests() {
    }

    static Organisation organisation(CreateOrganisationRequest r, Violations v) {
        RequestRules.organisationId(v, "organisation_id", r.getOrganisationId());
        v.text("name", r.getName(), MAX_NAME);
        RequestRules.set(v, "type", r.getType());
        RequestRules.country(v, "country", r.getCountry());
        v.check(r.hasContact(), "contact", "is required");
        v.text("contact.name", r.getContact().getName(), MAX_NAME);
        RequestRules.email(v, "contact.email", r.getContact().getEmail());
        RequestRules.phone(v, "contact.phone", r.getContact().getPhone());
        v.requestId("request_id", r.getRequestId());
        return Organisation.of(r.getOrganisationId(), r.getName(), r.getType().name(), r.getCountry(),
                r.getContact().getName(), r.getContact().getEmail(), r.getContact().getPhone(), null);
    }

    static Application application(ApplyForAccreditationRequest r, LocalDate today, Violations v) {
        RequestRules.organisationId(v, "organisation_id", r.getOrganisationId());
        v.electionId("election_id", r.getElectionId());
        var o = r.getObserver();
        v.check(r.hasObserver(), "observer", "is required");
        v.text("observer.given_name", o.getGivenName(), MAX_PERSON_NAME);
        v.text("observer.family_name", o.getFamilyName(), MAX_PERSON_NAME);
        RequestRules.country(v, "observer.citizenship", o.getCitizenship());
        String document = RequestRules.documentNumber(v, "observer.identity_document_number",
                o.getIdentityDocumentNumber());
        LocalDate birth = RequestRules.date(v, "observer.date_of_birth", o.getDateOfBirth());
        v.check(birth == null || !birth.isAfter(today), "observer.date_of_birth", "must not be in the future");
        RequestRules.set(v, "mission_role", r.getMissionRole());
        v.check(r.getCodeOfConductAccepted(), "code_of_conduct_accepted", "the code of conduct must be accepted");
        v.requestId("request_id", r.getRequestId());
        return new Application(r.getOrganisationId(), r.getElectionId(),
                new Person(o.getGivenName(), o.getFamilyName(), o.getCitizenship(), document, birth),
                r.getMissionRole().name());
    }

    static ReportFiling report(FileReportRequest r, Instant now, Violations v) {
        UUID accreditation = v.uuid("accreditation_id", r.getAccreditationId());
        v.code("station_code", r.getStationCode());
        Instant latest = now.plus(SKEW);
        Instant arrival = null;
        v.check(r.hasArrivalTime(), "arrival_time", "is required");
        if (r.hasArrivalTime()) {
            arrival = RequestRules.instant(v, "arrival_time", r.getArrivalTime());
            v.check(arrival == null || !arrival.isAfter(latest), "arrival_time", "must not be in the future");
        }
        Instant departure = null;
        if (r.hasDepartureTime()) {
            departure = RequestRules.instant(v, "departure_time", r.getDepartureTime());
            v.check(departure == null || !departure.isAfter(latest), "departure_time", "must not be in the future");
            v.check(departure == null || arrival == null || !departure.isBefore(arrival), "departure_time",
                    "must not be before arrival_time");
        }
        v.check(r.getAnswersCount() <= MAX_ANSWERS, "answers", "at most " + MAX_ANSWERS + " answers");
        v.check(r.getIncidentsCount() <= MAX_INCIDENTS, "incidents", "at most " + MAX_INCIDENTS + " incidents");
        List<ReportFiling.AnswerEntry> answers = answers(r.getAnswersList(), v);
        List<ReportFiling.IncidentEntry> incidents = new ArrayList<>();
        for (int i = 0; i < r.getIncidentsCount(); i++) {
            incidents.add(incident(r.getIncidents(i), "incidents[" + i + "].", latest, v));
        }
        v.requestId("request_id", r.getRequestId());
        return new ReportFiling(accreditation, r.getStationCode(), arrival, departure, answers, incidents);
    }

    private static List<ReportFiling.AnswerEntry> answers(List<ChecklistAnswer> given, Violations v) {
        Set<String> seen = new HashSet<>();
        List<ReportFiling.AnswerEntry> answers = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ChecklistAnswer a = given.get(i);
            String field = "answers[" + i + "].";
            RequestRules.questionId(v, field + "question_id", a.getQuestionId());
            v.check(seen.add(a.getQuestionId()), field + "question_id", "repeats an earlier answer's question_id");
            RequestRules.set(v, field + "answer", a.getAnswer());
            RequestRules.optionalText(v, field + "comment", a.getComment(), MAX_REASON);
            answers.add(new ReportFiling.AnswerEntry(a.getQuestionId(), a.getAnswer().name(), a.getComment()));
        }
        return answers;
    }

    private static ReportFiling.IncidentEntry incident(IncidentEntry e, String field, Instant latest, Violations v) {
        RequestRules.set(v, field + "category", e.getCategory());
        RequestRules.set(v, field + "severity", e.getSeverity());
        v.text(field + "description", e.getDescription(), MAX_DESCRIPTION);
        Instant occurred = null;
        if (e.hasOccurTime()) {
            occurred = RequestRules.instant(v, field + "occur_time", e.getOccurTime());
            v.check(occurred == null || !occurred.isAfter(latest), field + "occur_time", "must not be in the future");
        }
        UUID cited = RequestRules.optionalUuid(v, field + "cited_protocol_id", e.getCitedProtocolId());
        return new ReportFiling.IncidentEntry(e.getCategory().name(), e.getSeverityValue(), e.getDescription(), occurred,
                cited);
    }

    /** The composite key after which a page starts (empty for the first page). */
    static List<String> afterKey(String pageToken, int parts, Predicate<List<String>> wellFormed, Violations v) {
        List<String> key = PageKeys.split(Pages.afterKey(pageToken, v), parts);
        boolean ok = key != null && (key.isEmpty() || wellFormed.test(key));
        v.check(ok, "page_token", "is not a token this service issued");
        return ok ? key : List.of();
    }

    static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static boolean isInstant(String value) {
        try {
            Instant.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
