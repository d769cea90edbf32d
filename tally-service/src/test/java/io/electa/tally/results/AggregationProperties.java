package io.electa.tally.results;

import static io.electa.testing.Percentages.halfUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import io.electa.common.v1.Ratio;
import io.electa.tally.domain.Contribution;
import io.electa.tally.domain.DistrictTotals;
import io.electa.tally.domain.StationDirectory;
import io.electa.tally.domain.TotalsSnapshot;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ResultsStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Aggregation rules for any mix of protocols: every scope's figures are the sums of its
 * stations' protocols, recomputed here with plain loops over the generated stations (never with
 * the code's own {@code plus}), the nation equals the sum of its districts, and every published
 * percentage is exactly the half-up rounding of its ratio, computed with integer arithmetic
 * ({@link io.electa.testing.Percentages}). QuickTheories reports the smallest failing station
 * list and the seed; rerun it with {@code -DQT_SEED=<seed>}.
 */
class AggregationProperties {
    private static final int CANDIDATE_COUNT = 3;
    private static final List<Candidate> CANDIDATES = IntStream.rangeClosed(1, CANDIDATE_COUNT)
            .mapToObj(i -> Candidate.newBuilder().setCandidateCode("C" + i).setBallotOrder(i).build())
            .toList();
    private static final long LEDGER_SEQUENCE = 7;

    @Test
    void theNationIsTheSumOfItsDistricts() {
        qt().forAll(protocols(), booleans().all()).checkAssert((stations, certified) -> {
            TotalsSnapshot snapshot = snapshot(stations, certified);
            StationDirectory directory = directory(stations);

            Results nation = compute(null, directory, snapshot);
            List<Results> districts = directory.districts().stream().map(d -> compute(d, directory, snapshot)).toList();

            assertFigures(nation, expected(stations, null, certified));
            for (Results district : districts) {
                assertFigures(district, expected(stations, district.getDistrictCode(), certified));
            }
            assertThat(districts).extracting(Results::getDistrictCode)
                    .containsExactlyElementsOf(new TreeSet<>(stations.stream().map(Station::district).toList()));
            assertThat(nation.getVotersRegistered()).isEqualTo(sum(districts, Results::getVotersRegistered));
            assertThat(nation.getBallotsIssued()).isEqualTo(sum(districts, Results::getBallotsIssued));
            assertThat(nation.getBallotsFound()).isEqualTo(sum(districts, Results::getBallotsFound));
            assertThat(nation.getBallotsValid()).isEqualTo(sum(districts, Results::getBallotsValid));
            assertThat(nation.getBallotsInvalid()).isEqualTo(sum(districts, Results::getBallotsInvalid));
            assertThat(nation.getStationsReported()).isEqualTo(sum(districts, Results::getStationsReported));
            assertThat(nation.getStationsExcluded()).isEqualTo(sum(districts, Results::getStationsExcluded));
            assertThat(nation.getStationsTotal()).isEqualTo(sum(districts, Results::getStationsTotal));
            for (int c = 0; c < CANDIDATE_COUNT; c++) {
                int candidate = c;
                assertThat(nation.getCandidates(c).getVotes())
                        .isEqualTo(sum(districts, d -> d.getCandidates(candidate).getVotes()));
            }
        });
    }

    @Test
    void everyShareIsItsExactRatioRoundedToTwoDecimals() {
        qt().forAll(protocols(), booleans().all()).checkAssert((stations, certified) -> {
            TotalsSnapshot snapshot = snapshot(stations, certified);
            StationDirectory directory = directory(stations);

            List<String> scopes = new ArrayList<>();
            scopes.add(null);
            scopes.addAll(directory.districts());
            for (String scope : scopes) {
                Results results = compute(scope, directory, snapshot);
                Expected e = expected(stations, scope, certified);
                String name = scope == null ? "the nation" : scope;

                assertRatio(results.getTurnout(), e.issued(), e.registered(), "turnout of " + name);
                assertRatio(results.getStationsReportedShare(), e.reported(), e.stationsTotal(),
                        "stations reported in " + name);
                BigDecimal sum = BigDecimal.ZERO;
                for (int c = 0; c < CANDIDATE_COUNT; c++) {
                    CandidateResult candidate = results.getCandidates(c);
                    assertRatio(candidate.getShare(), e.votes()[c], e.valid(),
                            "share of " + candidate.getCandidateCode() + " in " + name);
                    sum = sum.add(new BigDecimal(candidate.getShare().getPercent()));
                }
                if (e.valid() > 0) {
                    // Each share is off the exact value by at most half a hundredth.
                    assertThat(sum.subtract(BigDecimal.valueOf(100)).abs()).as("sum of shares in %s", name)
                            .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(CANDIDATE_COUNT)));
                }
            }
        });
    }

    /**
     * Exact halves of a hundredth, written out: 1 vote in 20,000 is 0.005 % and 19,999 are
     * 99.995 %, both rounded up; 20,002 ballots issued to 40,000 voters is 50.005 %.
     */
    @Test
    void halfwaySharesAndTurnoutRoundUp() {
        List<Station> stations = List.of(
                new Station("S1", "D1", State.COUNTED, 40_000, 20_002, 20_000, 0, List.of(1L, 19_999L, 0L)),
                new Station("S2", "D1", State.PENDING, 0, 0, 0, 0, List.of(0L, 0L, 0L)),
                new Station("S3", "D2", State.EXCLUDED, 0, 0, 0, 0, List.of(0L, 0L, 0L)),
                new Station("S4", "D2", State.PENDING, 0, 0, 0, 0, List.of(0L, 0L, 0L)));
        StationDirectory directory = directory(stations);
        TotalsSnapshot snapshot = snapshot(stations, false);

        Results nation = compute(null, directory, snapshot);
        Results d1 = compute("D1", directory, snapshot);
        Results d2 = compute("D2", directory, snapshot);

        assertThat(nation.getCandidatesList()).extracting(c -> c.getShare().getPercent())
                .containsExactly("0.01", "100.00", "0.00");
        assertThat(nation.getTurnout().getPercent()).isEqualTo("50.01");
        assertThat(nation.getStationsReportedShare().getPercent()).isEqualTo("25.00");
        assertThat(nation.getStatus()).isEqualTo(ResultsStatus.RESULTS_STATUS_UNOFFICIAL_PARTIAL);
        assertThat(d1.getCandidatesList()).extracting(c -> c.getShare().getPercent())
                .containsExactly("0.01", "100.00", "0.00");
        assertThat(d1.getStationsReportedShare().getPercent()).isEqualTo("50.00");
        assertThat(d2.getCandidatesList()).extracting(CandidateResult::getVotes).containsExactly(0L, 0L, 0L);
        assertThat(d2.getCandidatesList()).extracting(c -> c.getShare().getPercent())
                .containsExactly("0.00", "0.00", "0.00");
        assertThat(d2.getTurnout().getPercent()).isEqualTo("0.00");
        assertThat(d2.getStationsExcluded()).isEqualTo(1);
        assertThat(d2.getStationsReportedShare().getPercent()).isEqualTo("0.00");
    }

    /** Whether a station's protocol counts, the station is excluded, or nothing came in yet. */
    enum State { COUNTED, EXCLUDED, PENDING }

    /** One station and its protocol's figures (which count only when COUNTED). */
    record Station(String code, String district, State state, long registered, long issued, long found, long invalid,
            List<Long> votes) {

        long valid() {
            long valid = 0;
            for (long v : votes) {
                valid += v;
            }
            return valid;
        }

        Station withCode(String newCode) {
            return new Station(newCode, district, state, registered, issued, found, invalid, votes);
        }
    }

    /** What a scope's results must show, recomputed from the stations. */
    record Expected(long registered, long issued, long found, long valid, long invalid, long[] votes,
            long stationsTotal, long reported, long excluded, ResultsStatus status) {
    }

    /** Sums over the stations of {@code scope} (all of them when null) with plain loops. */
    private static Expected expected(List<Station> stations, String scope, boolean certified) {
        long registered = 0;
        long issued = 0;
        long found = 0;
        long valid = 0;
        long invalid = 0;
        long[] votes = new long[CANDIDATE_COUNT];
        long total = 0;
        long reported = 0;
        long excluded = 0;
        for (Station s : stations) {
            if (scope != null && !scope.equals(s.district())) {
                continue;
            }
            total++;
            if (s.state() == State.EXCLUDED) {
                excluded++;
            } else if (s.state() == State.COUNTED) {
                reported++;
                registered += s.registered();
                issued += s.issued();
                found += s.found();
                invalid += s.invalid();
                for (int c = 0; c < CANDIDATE_COUNT; c++) {
                    votes[c] += s.votes().get(c);
                    valid += s.votes().get(c);
                }
            }
        }
        ResultsStatus status = certified ? ResultsStatus.RESULTS_STATUS_CERTIFIED
                : reported + excluded == total ? ResultsStatus.RESULTS_STATUS_UNOFFICIAL_COMPLETE
                        : ResultsStatus.RESULTS_STATUS_UNOFFICIAL_PARTIAL;
        return new Expected(registered, issued, found, valid, invalid, votes, total, reported, excluded, status);
    }

    private static void assertFigures(Results r, Expected e) {
        String scope = r.getDistrictCode().isEmpty() ? "the nation" : r.getDistrictCode();
        assertThat(r.getStatus()).as("status of %s", scope).isEqualTo(e.status());
        assertThat(r.getVotersRegistered()).as("voters registered in %s", scope).isEqualTo(e.registered());
        assertThat(r.getBallotsIssued()).as("ballots issued in %s", scope).isEqualTo(e.issued());
        assertThat(r.getBallotsFound()).as("ballots found in %s", scope).isEqualTo(e.found());
        assertThat(r.getBallotsValid()).as("valid ballots in %s", scope).isEqualTo(e.valid());
        assertThat(r.getBallotsInvalid()).as("invalid ballots in %s", scope).isEqualTo(e.invalid());
        assertThat(r.getStationsTotal()).as("stations of %s", scope).isEqualTo(e.stationsTotal());
        assertThat(r.getStationsReported()).as("stations reported in %s", scope).isEqualTo(e.reported());
        assertThat(r.getStationsExcluded()).as("stations excluded in %s", scope).isEqualTo(e.excluded());
        assertThat(r.getLedgerSequence()).isEqualTo(LEDGER_SEQUENCE);
        assertThat(r.getCandidatesList()).extracting(CandidateResult::getCandidateCode)
                .containsExactly("C1", "C2", "C3");
        for (int c = 0; c < CANDIDATE_COUNT; c++) {
            assertThat(r.getCandidates(c).getVotes()).as("votes of C%d in %s", c + 1, scope).isEqualTo(e.votes()[c]);
        }
    }

    private static void assertRatio(Ratio published, long numerator, long denominator, String what) {
        assertThat(published.getNumerator()).as("numerator of %s", what).isEqualTo(numerator);
        assertThat(published.getDenominator()).as("denominator of %s", what).isEqualTo(denominator);
        assertThat(published.getPercent()).as("percent of %s (%d/%d)", what, numerator, denominator)
                .isEqualTo(halfUp(numerator, denominator));
    }

    private static long sum(List<Results> districts, java.util.function.ToLongFunction<Results> figure) {
        long sum = 0;
        for (Results d : districts) {
            sum += figure.applyAsLong(d);
        }
        return sum;
    }

    /** Mostly random station lists; one in four built so that shares and turnout are exact halves. */
    private static Gen<List<Station>> protocols() {
        return Generate.frequency(Pair.of(3, randomStations()), Pair.of(1, halfwayStations()));
    }

    private static Gen<List<Station>> randomStations() {
        Gen<Long> figure = Generate.frequency(Pair.of(3, longs().between(0, 3000)),
                Pair.of(1, longs().between(0, 400_000)));
        Gen<Station> station = integers().between(1, 5).zip(
                Generate.pick(List.of(State.COUNTED, State.COUNTED, State.COUNTED, State.EXCLUDED, State.PENDING)),
                lists().of(figure).ofSize(CANDIDATE_COUNT),
                longs().between(0, 100).zip(longs().between(0, 50), longs().between(0, 5000), Spare::new),
                (district, state, votes, spare) -> {
                    long valid = votes.stream().mapToLong(Long::longValue).sum();
                    long found = valid + spare.invalid();
                    long issued = found + spare.unfound();
                    return new Station("", "D" + district, state, issued + spare.unissued(), issued, found,
                            spare.invalid(), votes);
                });
        return lists().of(station).ofSizeBetween(1, 40).map(AggregationProperties::numbered);
    }

    /** Invalid ballots, ballots issued but not found, and voters who got no ballot. */
    record Spare(long invalid, long unfound, long unissued) {
    }

    /**
     * One counted station whose first candidate has (2q+1)m of 20000m valid votes (q hundredths
     * and a half) and whose turnout is (2p+1)·2m of 40000m (p hundredths and a half), among
     * stations that have not reported.
     */
    private static Gen<List<Station>> halfwayStations() {
        Gen<Station> counted = integers().between(1, 50).zip(integers().between(0, 9_999),
                integers().between(5_000, 9_999), integers().between(1, 5), (m, q, p, district) -> {
                    long valid = 20_000L * m;
                    long first = (2L * q + 1) * m;
                    return new Station("", "D" + district, State.COUNTED, 40_000L * m, (2L * p + 1) * 2 * m, valid, 0,
                            List.of(first, valid - first, 0L));
                });
        Gen<List<Station>> pending = lists().of(integers().between(1, 5)
                .map(d -> new Station("", "D" + d, State.PENDING, 0, 0, 0, 0, List.of(0L, 0L, 0L))))
                .ofSizeBetween(0, 5);
        return counted.zip(pending, (c, others) -> {
            List<Station> all = new ArrayList<>(others);
            all.add(c);
            return numbered(all);
        });
    }

    private static List<Station> numbered(List<Station> stations) {
        return IntStream.range(0, stations.size()).mapToObj(i -> stations.get(i).withCode(String.format("S%02d", i)))
                .toList();
    }

    /**
     * The district totals the repository would read: per district, the plain sums of its counted
     * protocols and the number of its excluded stations. A district none of whose stations counted
     * or was excluded has no row.
     */
    private static TotalsSnapshot snapshot(List<Station> stations, boolean certified) {
        Map<String, DistrictTotals> districts = new HashMap<>();
        for (String district : new TreeSet<>(stations.stream().map(Station::district).toList())) {
            long registered = 0;
            long issued = 0;
            long found = 0;
            long valid = 0;
            long invalid = 0;
            int reported = 0;
            long excluded = 0;
            long[] votes = new long[CANDIDATE_COUNT];
            for (Station s : stations) {
                if (!s.district().equals(district)) {
                    continue;
                }
                if (s.state() == State.EXCLUDED) {
                    excluded++;
                } else if (s.state() == State.COUNTED) {
                    reported++;
                    registered += s.registered();
                    issued += s.issued();
                    found += s.found();
                    valid += s.valid();
                    invalid += s.invalid();
                    for (int c = 0; c < CANDIDATE_COUNT; c++) {
                        votes[c] += s.votes().get(c);
                    }
                }
            }
            if (reported > 0 || excluded > 0) {
                Contribution counted = new Contribution(registered, issued, found, valid, invalid, reported,
                        reported > 0 ? votes : new long[0]);
                districts.put(district, new DistrictTotals(district, counted, excluded));
            }
        }
        return new TotalsSnapshot(LEDGER_SEQUENCE, certified, districts);
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
