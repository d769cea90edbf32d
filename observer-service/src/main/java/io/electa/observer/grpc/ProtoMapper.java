package io.electa.observer.grpc;

import io.electa.common.v1.Date;
import io.electa.common.v1.Ratio;
import io.electa.common.v1.PublishedKey;
import io.electa.support.signing.KeySetMessages;
import io.electa.support.signing.SigningKey;
import io.electa.observer.domain.Accreditation;
import io.electa.observer.domain.Assignment;
import io.electa.observer.domain.FiledReport;
import io.electa.observer.domain.Organisation;
import io.electa.observer.domain.QuotaUse;
import io.electa.observer.domain.Statistics;
import io.electa.observer.service.BadgeService;
import io.electa.observer.v1.AccreditationStatus;
import io.electa.observer.v1.Answer;
import io.electa.observer.v1.BadgeStatus;
import io.electa.observer.v1.ChecklistAnswer;
import io.electa.observer.v1.Contact;
import io.electa.observer.v1.CountryCount;
import io.electa.observer.v1.DistrictCount;
import io.electa.observer.v1.Incident;
import io.electa.observer.v1.IncidentCategory;
import io.electa.observer.v1.IncidentCategoryCount;
import io.electa.observer.v1.IncidentSeverity;
import io.electa.observer.v1.MissionRole;
import io.electa.observer.v1.ObserverPerson;
import io.electa.observer.v1.OrganisationCount;
import io.electa.observer.v1.OrganisationType;
import io.electa.observer.v1.OrganisationTypeCount;
import io.electa.observer.v1.Quota;
import io.electa.observer.v1.Report;
import io.electa.observer.v1.StationCount;
import io.electa.observer.v1.VerifyBadgeResponse;
import io.electa.support.grpc.Timestamps;
import java.time.LocalDate;

/** Domain objects to messages; nothing else. */
final class ProtoMapper {
    private static final String STATUS_PREFIX = "ACCREDITATION_STATUS_";

    private ProtoMapper() {
    }

    static io.electa.observer.v1.Organisation organisation(Organisation o) {
        return io.electa.observer.v1.Organisation.newBuilder()
                .setOrganisationId(o.organisationId)
                .setName(o.name)
                .setType(OrganisationType.valueOf(o.type))
                .setCountry(o.country)
                .setContact(Contact.newBuilder().setName(o.contactName).setEmail(o.contactEmail).setPhone(o.contactPhone))
                .setCreateTime(Timestamps.toProto(o.createdAt))
                .build();
    }

    static Quota quota(QuotaUse q) {
        Quota.Builder builder = Quota.newBuilder()
                .setOrganisationId(q.organisationId())
                .setElectionId(q.electionId())
                .setUsed((int) q.used());
        if (q.maxObservers() != null) {
            builder.setMaxObservers(q.maxObservers());
        }
        if (q.updatedAt() != null) {
            builder.setUpdateTime(Timestamps.toProto(q.updatedAt()));
        }
        return builder.build();
    }

    static io.electa.observer.v1.Accreditation accreditation(Accreditation a) {
        var builder = io.electa.observer.v1.Accreditation.newBuilder()
                .setAccreditationId(a.accreditationId.toString())
                .setElectionId(a.electionId)
                .setOrganisationId(a.organisationId)
                .setObserver(ObserverPerson.newBuilder()
                        .setGivenName(a.givenName)
                        .setFamilyName(a.familyName)
                        .setCitizenship(a.citizenship)
                        .setIdentityDocumentNumber(a.documentNumber)
                        .setDateOfBirth(date(a.dateOfBirth)))
                .setMissionRole(MissionRole.valueOf(a.missionRole))
                .setCodeOfConductAccepted(true)
                .setStatus(AccreditationStatus.valueOf(STATUS_PREFIX + a.status.name()))
                .setApplyTime(Timestamps.toProto(a.appliedAt))
                .setBadgeNumber(orEmpty(a.badgeNumber))
                .setDecidedBy(orEmpty(a.decidedBy))
                .setRefusalReason(orEmpty(a.refusalReason))
                .setRevocationReason(orEmpty(a.revocationReason));
        if (a.validUntil != null) {
            builder.setValidUntil(Timestamps.toProto(a.validUntil));
        }
        if (a.decidedAt != null) {
            builder.setDecideTime(Timestamps.toProto(a.decidedAt));
        }
        if (a.revokedAt != null) {
            builder.setRevokeTime(Timestamps.toProto(a.revokedAt));
        }
        return builder.build();
    }

    static io.electa.observer.v1.Assignment assignment(Assignment a) {
        return io.electa.observer.v1.Assignment.newBuilder()
                .setAssignmentId(a.assignmentId.toString())
                .setAccreditationId(a.accreditationId.toString())
                .setElectionId(a.electionId)
                .setOrganisationId(a.organisationId)
                .setStationCode(a.stationCode)
                .setDistrictCode(a.districtCode)
                .setAssignedBy(a.assignedBy)
                .setAssignTime(Timestamps.toProto(a.assignedAt))
                .build();
    }

    static Report report(FiledReport filed) {
        var r = filed.report();
        Report.Builder builder = Report.newBuilder()
                .setReportId(r.reportId.toString())
                .setAccreditationId(r.accreditationId.toString())
                .setElectionId(r.electionId)
                .setOrganisationId(r.organisationId)
                .setStationCode(r.stationCode)
                .setDistrictCode(r.districtCode)
                .setAssigned(r.assigned)
                .setArrivalTime(Timestamps.toProto(r.arrivalAt))
                .setFileTime(Timestamps.toProto(r.filedAt));
        if (r.departureAt != null) {
            builder.setDepartureTime(Timestamps.toProto(r.departureAt));
        }
        filed.answers().forEach(a -> builder.addAnswers(ChecklistAnswer.newBuilder()
                .setQuestionId(a.questionId).setAnswer(Answer.valueOf(a.answer)).setComment(a.comment)));
        filed.incidents().forEach(i -> builder.addIncidents(incident(i)));
        return builder.build();
    }

    private static Incident incident(io.electa.observer.domain.Incident i) {
        Incident.Builder builder = Incident.newBuilder()
                .setIncidentId(i.incidentId.toString())
                .setCategory(IncidentCategory.valueOf(i.category))
                .setSeverity(IncidentSeverity.forNumber(i.severity))
                .setDescription(i.description)
                .setCitedProtocolId(i.citedProtocolId == null ? "" : i.citedProtocolId.toString());
        if (i.occurredAt != null) {
            builder.setOccurTime(Timestamps.toProto(i.occurredAt));
        }
        return builder.build();
    }

    static VerifyBadgeResponse badgeCheck(BadgeService.Check check) {
        return VerifyBadgeResponse.newBuilder()
                .setStatus(BadgeStatus.valueOf("BADGE_STATUS_" + check.status().name()))
                .setGivenName(check.givenName())
                .setFamilyName(check.familyName())
                .setOrganisationName(check.organisationName())
                .build();
    }

    /** A badge key in the observer's own message, the same fields as electa.common.v1.PublishedKey. */
    static io.electa.observer.v1.SigningKey signingKey(SigningKey key) {
        PublishedKey published = KeySetMessages.publishedKey(key);
        io.electa.observer.v1.SigningKey.Builder message = io.electa.observer.v1.SigningKey.newBuilder()
                .setKeyId(published.getKeyId())
                .setAlgorithm(published.getAlgorithm())
                .setPublicKey(published.getPublicKey())
                .setPublicKeyPem(published.getPublicKeyPem());
        if (published.hasActivateTime()) {
            message.setActivateTime(published.getActivateTime());
        }
        if (published.hasRetireTime()) {
            message.setRetireTime(published.getRetireTime());
        }
        if (published.hasCompromiseTime()) {
            message.setCompromiseTime(published.getCompromiseTime());
        }
        return message.build();
    }

    static io.electa.observer.v1.Statistics statistics(Statistics s) {
        var builder = io.electa.observer.v1.Statistics.newBuilder()
                .setElectionId(s.electionId())
                .setObserversAccredited(s.observersAccredited())
                .setStationsTotal(s.stationsTotal())
                .setStationsAssigned(s.stationsAssigned())
                .setStationsCovered(s.stationsCovered())
                .setCoverage(Ratio.newBuilder()
                        .setNumerator(s.coverage().numerator())
                        .setDenominator(s.coverage().denominator())
                        .setPercent(s.coverage().percent()))
                .setReports(s.reports())
                .setIncidents(s.incidents())
                .setAsOfTime(Timestamps.toProto(s.asOf()));
        s.byOrganisation().forEach(o -> builder.addByOrganisation(OrganisationCount.newBuilder()
                .setOrganisationId(o.organisationId()).setName(o.name()).setType(OrganisationType.valueOf(o.type()))
                .setCountry(o.country()).setObservers(o.observers())));
        s.byCitizenship().forEach((country, n) -> builder.addByCitizenship(CountryCount.newBuilder()
                .setCountry(country).setObservers(n)));
        s.byOrganisationType().forEach((type, n) -> builder.addByOrganisationType(OrganisationTypeCount.newBuilder()
                .setType(OrganisationType.valueOf(type)).setObservers(n)));
        s.incidentsByCategory().forEach((category, n) -> builder.addIncidentsByCategory(IncidentCategoryCount
                .newBuilder().setCategory(IncidentCategory.valueOf(category)).setIncidents(n)));
        s.byDistrict().forEach(d -> builder.addByDistrict(DistrictCount.newBuilder()
                .setDistrictCode(d.districtCode()).setStationsCovered(d.stationsCovered()).setIncidents(d.incidents())));
        s.byStation().forEach(st -> builder.addByStation(StationCount.newBuilder()
                .setStationCode(st.stationCode()).setReports(st.reports()).setIncidents(st.incidents())));
        return builder.build();
    }


    static Date date(LocalDate day) {
        return Date.newBuilder().setYear(day.getYear()).setMonth(day.getMonthValue()).setDay(day.getDayOfMonth())
                .build();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
