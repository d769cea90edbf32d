package io.electa.observer.repository;

import io.electa.observer.domain.Statistics;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Observation figures of an election, counted in SQL from one consistent snapshot. */
@ApplicationScoped
public class StatisticsRepository {
    private static final String BY_ORGANISATION = "SELECT o.organisation_id, o.name, o.type, o.country, count(*) AS n"
            + " FROM accreditation a JOIN organisation o ON o.organisation_id = a.organisation_id"
            + " WHERE a.election_id = $1 AND a.status = 'APPROVED'"
            + " GROUP BY o.organisation_id ORDER BY o.organisation_id";
    private static final String BY_CITIZENSHIP = "SELECT citizenship, count(*) AS n FROM accreditation"
            + " WHERE election_id = $1 AND status = 'APPROVED' GROUP BY citizenship ORDER BY citizenship";
    private static final String ASSIGNED = "SELECT count(DISTINCT station_code) AS n FROM assignment"
            + " WHERE election_id = $1";
    private static final String REPORTS = "SELECT count(*) AS reports, count(DISTINCT station_code) AS covered"
            + " FROM report WHERE election_id = $1";
    private static final String BY_CATEGORY = "SELECT category, count(*) AS n FROM incident"
            + " WHERE election_id = $1 GROUP BY category";
    private static final String BY_DISTRICT = "SELECT r.district_code, count(DISTINCT r.station_code) AS covered,"
            + " (SELECT count(*) FROM incident i WHERE i.election_id = $1 AND i.district_code = r.district_code) AS n"
            + " FROM report r WHERE r.election_id = $1 GROUP BY r.district_code ORDER BY r.district_code";
    private static final String BY_STATION = "SELECT r.station_code, count(DISTINCT r.report_id) AS reports,"
            + " count(i.incident_id) AS incidents"
            + " FROM report r LEFT JOIN incident i ON i.report_id = r.report_id"
            + " WHERE r.election_id = $1 GROUP BY r.station_code ORDER BY r.station_code";

    private static final String SNAPSHOT = "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY";

    private final Pool pool;

    public StatisticsRepository(Pool pool) {
        this.pool = pool;
    }

    /** The figures; {@code types} and {@code categories} list every value, in the order to publish. */
    public Uni<Statistics> read(String electionId, long stationsTotal, List<String> types, List<String> categories,
            Instant asOf) {
        Tuple election = Tuple.of(electionId);
        return pool.withTransaction(c -> c.query(SNAPSHOT).execute()
                .chain(() -> Uni.combine().all().unis(
                                query(c, BY_ORGANISATION, election), query(c, BY_CITIZENSHIP, election),
                                query(c, ASSIGNED, election), query(c, REPORTS, election),
                                query(c, BY_CATEGORY, election), query(c, BY_DISTRICT, election),
                                query(c, BY_STATION, election))
                        .asTuple())
                .map(rows -> assemble(electionId, stationsTotal, types, categories, asOf, rows.getItem1(),
                        rows.getItem2(), rows.getItem3().iterator().next(), rows.getItem4().iterator().next(),
                        rows.getItem5(), rows.getItem6(), rows.getItem7())));
    }

    private static Uni<RowSet<Row>> query(SqlConnection connection, String sql, Tuple args) {
        return connection.preparedQuery(sql).execute(args);
    }

    private static Statistics assemble(String electionId, long stationsTotal, List<String> types,
            List<String> categories, Instant asOf, RowSet<Row> organisations, RowSet<Row> citizenships, Row assigned,
            Row reports, RowSet<Row> incidentCategories, RowSet<Row> districts, RowSet<Row> stations) {
        List<Statistics.ByOrganisation> byOrganisation = new ArrayList<>();
        Map<String, Long> byType = zeros(types);
        long accredited = 0;
        for (Row row : organisations) {
            var count = new Statistics.ByOrganisation(row.getString("organisation_id"), row.getString("name"),
                    row.getString("type"), row.getString("country"), row.getLong("n"));
            byOrganisation.add(count);
            byType.merge(count.type(), count.observers(), Long::sum);
            accredited += count.observers();
        }
        Map<String, Long> byCitizenship = new TreeMap<>();
        citizenships.forEach(row -> byCitizenship.put(row.getString("citizenship"), row.getLong("n")));
        Map<String, Long> byCategory = zeros(categories);
        long incidents = 0;
        for (Row row : incidentCategories) {
            byCategory.merge(row.getString("category"), row.getLong("n"), Long::sum);
            incidents += row.getLong("n");
        }
        List<Statistics.ByDistrict> byDistrict = new ArrayList<>();
        districts.forEach(row -> byDistrict.add(new Statistics.ByDistrict(row.getString("district_code"),
                row.getLong("covered"), row.getLong("n"))));
        return new Statistics(electionId, accredited, byOrganisation, byCitizenship, byType, stationsTotal,
                assigned.getLong("n"), reports.getLong("covered"), reports.getLong("reports"), incidents, byCategory,
                byDistrict, byStation(stations), asOf);
    }

    private static List<Statistics.ByStation> byStation(RowSet<Row> stations) {
        List<Statistics.ByStation> byStation = new ArrayList<>();
        stations.forEach(row -> byStation.add(new Statistics.ByStation(row.getString("station_code"),
                row.getLong("reports"), row.getLong("incidents"))));
        return byStation;
    }

    private static Map<String, Long> zeros(List<String> keys) {
        Map<String, Long> map = new LinkedHashMap<>();
        keys.forEach(key -> map.put(key, 0L));
        return map;
    }
}
