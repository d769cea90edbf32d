package io.electa.tally.results;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.tally.domain.Contribution;
import io.electa.tally.domain.DistrictTotals;
import io.electa.tally.domain.StationDirectory;
import io.electa.tally.domain.TotalsSnapshot;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.Results;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Aggregation rules for any mix of protocols: the nation equals the sum of its districts, and
 * every published percentage is the exact ratio rounded to two decimals.
 */
class AggregationProperties {
    private static final List<Candidate> CANDIDATES = IntStream.rangeClosed(1, 3)
            .mapToObj(i -> Candidate.newBuilder().setCandidateCode("C" + i).setBallotOrder(i).build())
            .toList();

    @Property
    void theNationIsTheSumOfItsDistricts(@ForAll("protocols") List<Station> stations) {
        TotalsSnapshot snapshot = snapshot(stations);
        StationDirectory directory = directory(stations);

        Results nation = compute(null, directory, snapshot);
        List<Results> districts = directory.districts().stream().map(d -> compute(d, directory, snapshot)).toList();

        assertThat(nation.getVotersRegistered()).isEqualTo(districts.stream().mapToLong(Results::getVotersRegistered).sum());
        assertThat(nation.getBallotsIssued()).isEqualTo(districts.stream().mapToLong(Results::getBallotsIssued).sum());
        assertThat(nation.getBallotsValid()).isEqualTo(districts.stream().mapToLong(Results::getBallotsValid).sum());
        assertThat(nation.getBallotsInvalid()).isEqualTo(districts.stream().mapToLong(Results::getBallotsInvalid).sum());
        assertThat(nation.getStationsReported()).isEqualTo(districts.stream().mapToLong(Results::getStationsReported).sum());
        assertThat(nation.getStationsTotal()).isEqualTo(districts.stream().mapToLong(Results::getStationsTotal).sum());
        for (int c = 0; c < CANDIDATES.size(); c++) {
            int candidate = c;
            assertThat(nation.getCandidates(c).getVotes())
                    .isEqualTo(districts.stream().mapToLong(d -> d.getCandidates(candidate).getVotes()).sum());
        }
    }

    @Property
    void everyShareIsItsExactRatioRoundedToTwoDecimals(@ForAll("protocols") List<Station> stations) {
        TotalsSnapshot snapshot = snapshot(stations);
        Results nation = compute(null, directory(stations), snapshot);

        BigDecimal sum = BigDecimal.ZERO;
        for (CandidateResult c : nation.getCandidatesList()) {
            BigDecimal published = new BigDecimal(c.getShare().getPercent());
            assertThat(published.scale()).isEqualTo(2);
            if (nation.getBallotsValid() > 0) {
                BigDecimal exact = BigDecimal.valueOf(c.getVotes() * 100)
                        .divide(BigDecimal.valueOf(nation.getBallotsValid()), 10, RoundingMode.HALF_UP);
                assertThat(published.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
            }
            sum = sum.add(published);
        }
        if (nation.getBallotsValid() > 0) {
            assertThat(sum.subtract(BigDecimal.valueOf(100)).abs())
                    .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(CANDIDATES.size())));
        }
        BigDecimal turnout = new BigDecimal(nation.getTurnout().getPercent());
        if (nation.getVotersRegistered() > 0) {
            BigDecimal exact = BigDecimal.valueOf(nation.getBallotsIssued() * 100)
                    .divide(BigDecimal.valueOf(nation.getVotersRegistered()), 10, RoundingMode.HALF_UP);
            assertThat(turnout.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
        }
    }

    /** One station's counted protocol (or none) in a district. */
    record Station(String code, String district, boolean counted, long registered, long invalid, long[] votes) {
    }

    @Provide
    Arbitrary<List<Station>> protocols() {
        Arbitrary<Station> station = Arbitraries.integers().between(1, 5).flatMap(d -> Arbitraries.longs()
                .between(0, 3000).array(long[].class).ofSize(3).flatMap(votes -> Arbitraries.longs().between(0, 100)
                        .flatMap(invalid -> Arbitraries.longs().between(0, 5000).flatMap(spare -> Arbitraries.of(true,
                                true, false).map(counted -> new Station("", "D" + d, counted,
                                        votes[0] + votes[1] + votes[2] + invalid + spare, invalid, votes))))));
        return station.list().ofMinSize(1).ofMaxSize(40)
                .map(list -> IntStream.range(0, list.size()).mapToObj(i -> {
                    Station s = list.get(i);
                    return new Station("S" + i, s.district(), s.counted(), s.registered(), s.invalid(), s.votes());
                }).toList());
    }

    private static TotalsSnapshot snapshot(List<Station> stations) {
        Map<String, DistrictTotals> districts = new HashMap<>();
        for (Station s : stations) {
            if (!s.counted()) {
                continue;
            }
            long valid = s.votes()[0] + s.votes()[1] + s.votes()[2];
            Contribution c = new Contribution(s.registered(), valid + s.invalid(), valid + s.invalid(), valid,
                    s.invalid(), 1, s.votes());
            DistrictTotals add = new DistrictTotals(s.district(), c, 0);
            districts.merge(s.district(), add, (a, b) -> a.plus(b, s.district()));
        }
        return new TotalsSnapshot(7, false, districts);
    }

    private static StationDirectory directory(List<Station> stations) {
        Map<String, String> names = new HashMap<>();
        Map<String, String> districtOf = new HashMap<>();
        stations.forEach(s -> {
            names.put(s.district(), s.district());
            districtOf.put(s.code(), s.district());
        });
        return new StationDirectory(names, districtOf);
    }

    private static Results compute(String district, StationDirectory directory, TotalsSnapshot snapshot) {
        return ResultsCalculator.compute("e", district, directory, CANDIDATES, snapshot, Instant.EPOCH);
    }
}
