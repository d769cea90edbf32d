package io.electa.registry.grpc;

import io.electa.common.v1.Date;
import io.electa.common.v1.Ratio;
import io.electa.registry.domain.AbsenteeCertificate;
import io.electa.registry.domain.CalendarDate;
import io.electa.registry.domain.District;
import io.electa.registry.domain.Election;
import io.electa.registry.domain.RollDigest;
import io.electa.registry.domain.Station;
import io.electa.registry.domain.Turnout;
import io.electa.registry.domain.TurnoutScope;
import io.electa.registry.domain.VoteMark;
import io.electa.registry.domain.Voter;
import io.electa.registry.importing.ImportReport;
import io.electa.registry.importing.Rejection;
import io.electa.registry.v1.CertificateStatus;
import io.electa.registry.v1.ElectionStatus;
import io.electa.registry.v1.RejectionReason;
import io.electa.registry.v1.RowRejection;
import io.electa.registry.v1.StationRollDigest;
import io.electa.support.grpc.Timestamps;
import java.time.LocalDate;

/** Domain objects to messages; nothing else. */
final class ProtoMapper {
    private ProtoMapper() {
    }

    static io.electa.registry.v1.Election election(Election e) {
        var builder = io.electa.registry.v1.Election.newBuilder()
                .setElectionId(e.electionId)
                .setName(e.name)
                .setElectionDay(date(e.electionDay))
                .setStatus(ElectionStatus.valueOf("ELECTION_STATUS_" + e.status.name()))
                .setCreateTime(Timestamps.toProto(e.createdAt));
        if (e.rollFrozenAt != null) {
            builder.setRollFreezeTime(Timestamps.toProto(e.rollFrozenAt));
        }
        if (e.pollsOpenedAt != null) {
            builder.setPollsOpenTime(Timestamps.toProto(e.pollsOpenedAt));
        }
        if (e.pollsClosedAt != null) {
            builder.setPollsCloseTime(Timestamps.toProto(e.pollsClosedAt));
        }
        return builder.build();
    }

    static io.electa.registry.v1.District district(District d) {
        return io.electa.registry.v1.District.newBuilder()
                .setElectionId(d.electionId)
                .setDistrictCode(d.districtCode)
                .setName(d.name)
                .build();
    }

    static io.electa.registry.v1.Station station(Station s) {
        return io.electa.registry.v1.Station.newBuilder()
                .setElectionId(s.electionId)
                .setStationCode(s.stationCode)
                .setDistrictCode(s.districtCode)
                .setName(s.name)
                .setAddress(s.address)
                .build();
    }

    static io.electa.registry.v1.Voter voter(Voter v) {
        return io.electa.registry.v1.Voter.newBuilder()
                .setElectionId(v.electionId())
                .setNationalId(v.nationalId())
                .setFamilyName(v.familyName())
                .setGivenName(v.givenName())
                .setDateOfBirth(date(v.dateOfBirth()))
                .setStationCode(v.stationCode())
                .build();
    }

    static io.electa.registry.v1.AbsenteeCertificate certificate(AbsenteeCertificate c) {
        var builder = io.electa.registry.v1.AbsenteeCertificate.newBuilder()
                .setCertificateId(c.certificateId.toString())
                .setElectionId(c.electionId)
                .setNationalId(c.nationalId)
                .setHomeStationCode(c.homeStationCode)
                .setStationCode(c.stationCode)
                .setStatus(CertificateStatus.valueOf("CERTIFICATE_STATUS_" + c.status.name()))
                .setIssueTime(Timestamps.toProto(c.issuedAt));
        if (c.cancelledAt != null) {
            builder.setCancelTime(Timestamps.toProto(c.cancelledAt)).setCancelReason(c.cancelReason);
        }
        return builder.build();
    }

    static io.electa.registry.v1.VoteMark mark(VoteMark m) {
        return io.electa.registry.v1.VoteMark.newBuilder()
                .setElectionId(m.electionId())
                .setNationalId(m.nationalId())
                .setStationCode(m.stationCode())
                .setMarkTime(Timestamps.toProto(m.markedAt()))
                .setRequestId(m.requestId())
                .setAbsentee(m.absentee())
                .setMarkedBy(m.markedBy())
                .build();
    }

    static io.electa.registry.v1.RollDigest rollDigest(RollDigest d) {
        var builder = io.electa.registry.v1.RollDigest.newBuilder()
                .setElectionId(d.electionId())
                .setTotalRegistered(d.totalRegistered())
                .setSha256(d.sha256())
                .setFreezeTime(Timestamps.toProto(d.frozenAt()));
        for (RollDigest.StationDigest s : d.stations()) {
            builder.addStations(StationRollDigest.newBuilder()
                    .setStationCode(s.stationCode())
                    .setRollSize(s.rollSize())
                    .setSha256(s.sha256()));
        }
        return builder.build();
    }

    static io.electa.registry.v1.Turnout turnout(Turnout t) {
        return io.electa.registry.v1.Turnout.newBuilder()
                .setElectionId(t.electionId())
                .setDistrictCode(t.districtCode())
                .setStationCode(t.scope().level() == TurnoutScope.Level.STATION ? t.scope().code() : "")
                .setRegistered(t.registered())
                .setVoted(t.voted())
                .setTurnout(Ratio.newBuilder()
                        .setNumerator(t.voted())
                        .setDenominator(t.registered())
                        .setPercent(t.ratio().percent()))
                .setStations(t.stations())
                .setAsOfTime(Timestamps.toProto(t.asOf()))
                .build();
    }

    static io.electa.registry.v1.ImportReport report(ImportReport r) {
        var builder = io.electa.registry.v1.ImportReport.newBuilder()
                .setElectionId(r.electionId())
                .setReceived(r.receivedCount())
                .setAccepted(r.createdCount())
                .setUpdated(r.updatedCount())
                .setUnchanged(r.unchangedCount())
                .setRejected(r.rejectedCount())
                .setRejectionsOmitted(r.rejectionsOmitted());
        for (Rejection rejection : r.rejections()) {
            builder.addRejections(RowRejection.newBuilder()
                    .setRowNumber(rejection.rowNumber())
                    .setKey(rejection.key())
                    .setReason(RejectionReason.valueOf("REJECTION_REASON_" + rejection.reason().name()))
                    .setMessage(rejection.message()));
        }
        return builder.build();
    }

    static CalendarDate calendarDate(Date date) {
        return new CalendarDate(date.getYear(), date.getMonth(), date.getDay());
    }

    static Date date(LocalDate date) {
        return Date.newBuilder()
                .setYear(date.getYear())
                .setMonth(date.getMonthValue())
                .setDay(date.getDayOfMonth())
                .build();
    }

}
