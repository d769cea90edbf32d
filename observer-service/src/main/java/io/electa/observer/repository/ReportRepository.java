package io.electa.observer.repository;

import io.electa.observer.domain.FiledReport;
import io.electa.observer.domain.Incident;
import io.electa.observer.domain.Report;
import io.electa.observer.domain.ReportAnswer;
import io.electa.support.domain.Page;
import io.electa.support.domain.PageKeys;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Reports with their checklist answers and incidents. */
@ApplicationScoped
@WithSession
public class ReportRepository implements PanacheRepositoryBase<Report, UUID> {

    /** Stores the report, its answers and incidents (in the caller's transaction). */
    public Uni<FiledReport> store(FiledReport filed) {
        List<Object> rows = new ArrayList<>();
        rows.add(filed.report());
        rows.addAll(filed.answers());
        rows.addAll(filed.incidents());
        return Panache.getSession()
                .chain(session -> session.persistAll(rows.toArray()))
                .replaceWith(filed);
    }

    /** Filters of a listing; empty strings, null and 0 mean "any". */
    public record Query(String electionId, String organisationId, UUID accreditationId, String districtCode,
            String stationCode, int minSeverity) {
    }

    /** Reports by file time then id, after the key (those two joined), with answers and incidents. */
    public Uni<Page<FiledReport>> page(Query q, List<String> after, int size) {
        Filter filter = new Filter()
                .and("electionId = ?", q.electionId())
                .andEqualIfSet("organisationId", q.organisationId())
                .andEqualIfSet("accreditationId", q.accreditationId())
                .andEqualIfSet("districtCode", q.districtCode())
                .andEqualIfSet("stationCode", q.stationCode());
        if (q.minSeverity() > 0) {
            filter.and("maxSeverity >= ?", (short) q.minSeverity());
        }
        if (!after.isEmpty()) {
            Instant filedAt = Instant.parse(after.get(0));
            filter.and("filedAt > ? or (filedAt = ? and reportId > ?)", filedAt, filedAt, UUID.fromString(after.get(1)));
        }
        return find(filter.hql("filedAt, reportId"), filter.parameters())
                .range(0, size)
                .list()
                .map(rows -> Page.of(rows, size, r -> PageKeys.join(r.filedAt, r.reportId)))
                .chain(this::withDetails);
    }

    private Uni<Page<FiledReport>> withDetails(Page<Report> page) {
        List<UUID> ids = page.items().stream().map(r -> r.reportId).toList();
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), page.nextAfterKey()));
        }
        return answersOf(ids)
                .chain(answers -> incidentsOf(ids)
                        .map(incidents -> new Page<>(page.items().stream()
                                .map(r -> new FiledReport(r, answers.getOrDefault(r.reportId, List.of()),
                                        incidents.getOrDefault(r.reportId, List.of())))
                                .toList(), page.nextAfterKey())));
    }

    private Uni<Map<UUID, List<ReportAnswer>>> answersOf(List<UUID> reportIds) {
        return Panache.getSession()
                .chain(s -> s.createQuery("from ReportAnswer where reportId in :ids order by reportId, position",
                        ReportAnswer.class).setParameter("ids", reportIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(a -> a.reportId)));
    }

    private Uni<Map<UUID, List<Incident>>> incidentsOf(List<UUID> reportIds) {
        return Panache.getSession()
                .chain(s -> s.createQuery("from Incident where reportId in :ids order by reportId, position",
                        Incident.class).setParameter("ids", reportIds).getResultList())
                .map(rows -> rows.stream().collect(Collectors.groupingBy(i -> i.reportId)));
    }
}
