package io.electa.observer.service;

import io.electa.observer.v1.ErrorReason;
import io.electa.observer.client.RegistryClient;
import io.electa.observer.client.TallyClient;
import io.electa.observer.domain.Accreditation;
import io.electa.observer.domain.ElectionFacts;
import io.electa.observer.domain.FiledReport;
import io.electa.observer.domain.Incident;
import io.electa.observer.domain.Report;
import io.electa.observer.domain.ReportAnswer;
import io.electa.observer.domain.ReportFiling;
import io.electa.observer.domain.StationFacts;
import io.electa.observer.repository.AccreditationRepository;
import io.electa.observer.repository.AssignmentRepository;
import io.electa.observer.repository.ReportRepository;
import io.electa.support.domain.FailedPreconditionException;
import io.electa.support.domain.Page;
import io.electa.common.v1.FieldViolationReason;
import io.electa.support.domain.Violations;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/** Reports from station visits: who may file, when, and what they may cite. */
@ApplicationScoped
public class ReportService {
    private static final String ACTION = "file a report for";

    private final AccreditationRepository accreditations;
    private final AssignmentRepository assignments;
    private final ReportRepository reports;
    private final RegistryClient registry;
    private final TallyClient tally;
    private final ServiceClock clock;

    public ReportService(AccreditationRepository accreditations, AssignmentRepository assignments,
            ReportRepository reports, RegistryClient registry, TallyClient tally, ServiceClock clock) {
        this.accreditations = accreditations;
        this.assignments = assignments;
        this.reports = reports;
        this.registry = registry;
        this.tally = tally;
        this.clock = clock;
    }

    /**
     * Checks everything that needs the registry or the tally, before anything is written: an
     * active accreditation, polls opened, the station, cited protocols of that station. Returns
     * the station.
     */
    public Uni<StationFacts> prepare(ReportFiling filing) {
        return Panache.withSession(() -> activeReporter(filing.accreditationId()))
                .chain(a -> registry.election(a.electionId)
                        .invoke(ReportService::requirePollsOpened)
                        .chain(() -> registry.station(a.electionId, filing.stationCode()))
                        .call(station -> requireCitationsOf(filing, a.electionId, station)));
    }

    /** Stores the report (the accreditation is checked again: it may have been revoked meanwhile). */
    @WithTransaction
    public Uni<FiledReport> store(ReportFiling filing, StationFacts station) {
        return activeReporter(filing.accreditationId())
                .chain(a -> assignments.find(a.accreditationId, station.stationCode())
                        .map(assignment -> build(filing, a, station, assignment != null)))
                .chain(reports::store);
    }

    @WithSession
    public Uni<Page<FiledReport>> page(ReportRepository.Query query, List<String> after, int size) {
        return reports.page(query, after, size);
    }

    private Uni<Accreditation> activeReporter(UUID accreditationId) {
        return accreditations.require(accreditationId)
                .invoke(a -> a.requireActive(clock.now(), ACTION));
    }

    private static void requirePollsOpened(ElectionFacts election) {
        if (!election.phase().pollsOpened()) {
            throw new FailedPreconditionException("reports are filed during polling and counting; election "
                    + election.electionId() + " is " + election.phase(), ErrorReason.POLLS_NOT_OPEN,
                    Map.of("election_status", election.phase().name()));
        }
    }

    private Uni<Void> requireCitationsOf(ReportFiling filing, String electionId, StationFacts station) {
        List<Integer> citing = IntStream.range(0, filing.incidents().size())
                .filter(i -> filing.incidents().get(i).citedProtocolId() != null)
                .boxed()
                .toList();
        Violations violations = new Violations();
        return Multi.createFrom().iterable(citing)
                .onItem().transformToUniAndConcatenate(i -> tally
                        .protocolStation(electionId, filing.incidents().get(i).citedProtocolId())
                        .invoke(protocolStation -> violations.check(protocolStation.equals(station.stationCode()),
                                "incidents[" + i + "].cited_protocol_id", FieldViolationReason.INCONSISTENT,
                                "is a protocol of station " + protocolStation + ", not of " + station.stationCode())))
                .collect().last()
                .invoke(ignored -> violations.throwIfAny())
                .replaceWithVoid();
    }

    private FiledReport build(ReportFiling filing, Accreditation a, StationFacts station, boolean assigned) {
        Report report = Report.of(filing, a, station, assigned, clock.now());
        List<ReportAnswer> answers = new ArrayList<>();
        for (int i = 0; i < filing.answers().size(); i++) {
            answers.add(ReportAnswer.of(report.reportId, i, filing.answers().get(i)));
        }
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < filing.incidents().size(); i++) {
            incidents.add(Incident.of(report, i, filing.incidents().get(i)));
        }
        return new FiledReport(report, answers, incidents);
    }
}
