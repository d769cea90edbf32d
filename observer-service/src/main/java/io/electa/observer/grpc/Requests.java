package io.electa.observer.grpc;

import com.google.protobuf.Timestamp;
import io.electa.common.v1.Date;
import io.electa.common.v1.FieldViolationReason;
import io.electa.observer.domain.Application;
import io.electa.observer.domain.Organisation;
import io.electa.observer.domain.Person;
import io.electa.observer.domain.ReportFiling;
import io.electa.observer.v1.ApplyForAccreditationRequest;
import io.electa.observer.v1.ChecklistAnswer;
import io.electa.observer.v1.CreateOrganisationRequest;
import io.electa.observer.v1.FileReportRequest;
import io.electa.observer.v1.IncidentEntry;
import io.electa.support.domain.Violations;
import io.electa.support.grpc.Pages;
import io.electa.support.grpc.Timestamps;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Requests that carry more than a few fields, turned into domain commands. Every field's own
 * limits are checked before a request gets here (the contract's rules); here are the rules that
 * need the clock or relate fields to each other: nothing in the future, a departure after its
 * arrival, a question answered once, a document number that keeps its form once normalised.
 */
final class Requests {
    /** Clock skew tolerated for times an observer's device reports ("not in the future"). */
    static final Duration SKEW = Duration.ofMinutes(5);
    private static final Pattern DOCUMENT = Pattern.compile("[A-Z0-9]{1,32}");
    private static final String FUTURE = "must not be in the future";

    private Requests() {
    }

    static Organisation organisation(CreateOrganisationRequest r) {
        return Organisation.of(r.getOrganisationId(), r.getName(), r.getType().name(), r.getCountry(),
                r.getContact().getName(), r.getContact().getEmail(), r.getContact().getPhone(), null);
    }

    static Application application(ApplyForAccreditationRequest r, LocalDate today, Violations v) {
        var o = r.getObserver();
        String document = o.getIdentityDocumentNumber().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        v.check(DOCUMENT.matcher(document).matches(), "observer.identity_document_number",
                FieldViolationReason.MALFORMED, "must be 1-32 characters of A-Z and 0-9 once spaces and '-' are dropped");
        LocalDate birth = date(o.getDateOfBirth());
        v.check(!birth.isAfter(today), "observer.date_of_birth", FieldViolationReason.OUT_OF_RANGE, FUTURE);
        return new Application(r.getOrganisationId(), r.getElectionId(),
                new Person(o.getGivenName(), o.getFamilyName(), o.getCitizenship(), document, birth),
                r.getMissionRole().name());
    }

    static ReportFiling report(FileReportRequest r, Instant now, Violations v) {
        Instant latest = now.plus(SKEW);
        Instant arrival = instant(r.getArrivalTime());
        v.check(!arrival.isAfter(latest), "arrival_time", FieldViolationReason.OUT_OF_RANGE, FUTURE);
        Instant departure = null;
        if (r.hasDepartureTime()) {
            departure = instant(r.getDepartureTime());
            v.check(!departure.isAfter(latest), "departure_time", FieldViolationReason.OUT_OF_RANGE, FUTURE)
                    .check(!departure.isBefore(arrival), "departure_time", FieldViolationReason.INCONSISTENT,
                            "must not be before arrival_time");
        }
        List<ReportFiling.AnswerEntry> answers = answers(r.getAnswersList(), v);
        List<ReportFiling.IncidentEntry> incidents = new ArrayList<>();
        for (int i = 0; i < r.getIncidentsCount(); i++) {
            incidents.add(incident(r.getIncidents(i), "incidents[" + i + "].", latest, v));
        }
        return new ReportFiling(UUID.fromString(r.getAccreditationId()), r.getStationCode(), arrival, departure,
                answers, incidents);
    }

    private static List<ReportFiling.AnswerEntry> answers(List<ChecklistAnswer> given, Violations v) {
        Set<String> seen = new HashSet<>();
        List<ReportFiling.AnswerEntry> answers = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            ChecklistAnswer a = given.get(i);
            v.check(seen.add(a.getQuestionId()), "answers[" + i + "].question_id", FieldViolationReason.DUPLICATE,
                    "repeats an earlier answer's question_id");
            answers.add(new ReportFiling.AnswerEntry(a.getQuestionId(), a.getAnswer().name(), a.getComment()));
        }
        return answers;
    }

    private static ReportFiling.IncidentEntry incident(IncidentEntry e, String field, Instant latest, Violations v) {
        Instant occurred = null;
        if (e.hasOccurTime()) {
            occurred = instant(e.getOccurTime());
            v.check(!occurred.isAfter(latest), field + "occur_time", FieldViolationReason.OUT_OF_RANGE, FUTURE);
        }
        UUID cited = e.getCitedProtocolId().isEmpty() ? null : UUID.fromString(e.getCitedProtocolId());
        return new ReportFiling.IncidentEntry(e.getCategory().name(), e.getSeverityValue(), e.getDescription(), occurred,
                cited);
    }

    /** An empty optional UUID filter is none: null. */
    static UUID optionalUuid(String value) {
        return value.isEmpty() ? null : UUID.fromString(value);
    }

    /** The composite key after which a page starts (empty for the first page). */
    static List<String> afterKey(String pageToken, int parts, Predicate<List<String>> wellFormed, Violations v) {
        List<String> key = Pages.afterKeys(pageToken, parts, v);
        boolean ok = key.isEmpty() || wellFormed.test(key);
        v.check(ok, "page_token", FieldViolationReason.MALFORMED, "is not a token this service issued");
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

    /** A date the contract has checked to be real. */
    private static LocalDate date(Date date) {
        return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
    }

    /** A time the contract has checked to lie between 1900 and 2999, at the database's precision. */
    private static Instant instant(Timestamp time) {
        return Timestamps.fromProto(time).truncatedTo(ChronoUnit.MICROS);
    }
}
