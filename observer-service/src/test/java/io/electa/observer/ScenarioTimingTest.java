package io.electa.observer;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.observer.v1.CountryCount;
import io.electa.observer.v1.GetStatisticsRequest;
import io.electa.observer.v1.OrganisationType;
import io.electa.observer.v1.Statistics;
import io.electa.registry.v1.StationRow;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * The reference scenario's observers: 790 international observers (148 of one citizenship, sent
 * through five organisations) applied for, approved and deployed to 790 of the 6,537 stations
 * through gRPC, with the stations checked against the real registry. Prints the times.
 */
@QuarkusTest
class ScenarioTimingTest extends ObserverTestSupport {
    private static final int OBSERVERS = 790;
    private static final int FROM_LARGEST_DELEGATION = 148;
    private static final int STATIONS = 6_537;
    private static final int DISTRICTS = 125;
    private static final int CLIENTS = 8;
    private static final String[] OTHER_COUNTRIES = {"AM", "AZ", "KZ", "KG", "TJ", "UZ", "CN", "RS", "DE", "PL",
        "FR", "IT", "GB", "US", "TR", "MD"};

    @Test
    void accreditsAndDeploysTheScenariosObservers() throws Exception {
        List<StationRow> stations = new ArrayList<>();
        for (int i = 0; i < STATIONS; i++) {
            stations.add(station(String.format("S%04d", i), String.format("D%03d", i % DISTRICTS)));
        }
        String election = newElection(stations);
        List<String> organisations = List.of(
                newOrganisation(OrganisationType.ORGANISATION_TYPE_FOREIGN_PARLIAMENT, "RU"),
                newOrganisation(OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION, "BY"),
                newOrganisation(OrganisationType.ORGANISATION_TYPE_FOREIGN_PARLIAMENT, "RU"),
                newOrganisation(OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION, "CN"),
                newOrganisation(OrganisationType.ORGANISATION_TYPE_INTERNATIONAL_ORGANISATION, "PL"));

        long start = System.nanoTime();
        List<String> applied = inParallel(i -> apply(organisations.get(i % organisations.size()), election,
                person(String.format("SC%04d", i), i < FROM_LARGEST_DELEGATION ? "RU"
                        : OTHER_COUNTRIES[i % OTHER_COUNTRIES.length])).getAccreditationId());
        long appliedAt = System.nanoTime();
        inParallel(i -> approve(applied.get(i)).getBadgeNumber());
        long approvedAt = System.nanoTime();
        inParallel(i -> DeploymentTest.assign(applied.get(i), String.format("S%04d", i * 8 % STATIONS))
                .getAssignmentId());
        long deployedAt = System.nanoTime();

        System.out.printf("%nSCENARIO %d observers (%d of one citizenship), %d stations, %d gRPC clients:%n"
                + "  apply %.1f s, approve %.1f s, deploy %.1f s (registry station check each), total %.1f s%n%n",
                OBSERVERS, FROM_LARGEST_DELEGATION, STATIONS, CLIENTS, seconds(start, appliedAt),
                seconds(appliedAt, approvedAt), seconds(approvedAt, deployedAt), seconds(start, deployedAt));
        Statistics s = observer().getStatistics(GetStatisticsRequest.newBuilder().setElectionId(election).build())
                .getStatistics();
        assertThat(s.getObserversAccredited()).isEqualTo(OBSERVERS);
        assertThat(s.getByCitizenshipList()).filteredOn(c -> c.getCountry().equals("RU"))
                .extracting(CountryCount::getObservers).containsExactly((long) FROM_LARGEST_DELEGATION);
        assertThat(s.getStationsTotal()).isEqualTo(STATIONS);
        assertThat(s.getStationsAssigned()).isEqualTo(OBSERVERS);
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    private static List<String> inParallel(IntFunction<String> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < OBSERVERS; i++) {
                int n = i;
                futures.add(pool.submit(() -> call.apply(n)));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
