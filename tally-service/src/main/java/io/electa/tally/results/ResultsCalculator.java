package io.electa.tally.results;

import io.electa.support.domain.Ratio;
import io.electa.support.grpc.Timestamps;
import io.electa.tally.domain.Contribution;
import io.electa.tally.domain.DistrictTotals;
import io.electa.tally.domain.StationDirectory;
import io.electa.tally.domain.TotalsSnapshot;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ResultsStatus;
import java.time.Instant;
import java.util.List;

/**
 * Results of a scope from the district totals: the nation is the sum of its districts. Turnout is
 * ballots issued / voters registered, a candidate's share is votes / valid ballots, the reported
 * share is stations reported / stations in scope; all as exact ratios with the percentage to two
 * decimals, rounded half up.
 */
public final class ResultsCalculator {
    private ResultsCalculator() {
    }

    /** The results of {@code districtCode}, or of the nation when it is null. */
    public static Results compute(String electionId, String districtCode, StationDirectory directory,
            List<Candidate> candidates, TotalsSnapshot snapshot, Instant asOf) {
        DistrictTotals totals = districtCode == null
                ? nation(snapshot)
                : snapshot.districts().getOrDefault(districtCode, DistrictTotals.zero(districtCode));
        Contribution counted = totals.counted();
        long stations = directory.stationCount(districtCode);
        Results.Builder results = Results.newBuilder()
                .setElectionId(electionId)
                .setDistrictCode(districtCode == null ? "" : districtCode)
                .setStatus(status(snapshot.certified(), totals, stations))
                .setVotersRegistered(counted.registered())
                .setBallotsIssued(counted.issued())
                .setTurnout(ratio(counted.issued(), counted.registered()))
                .setBallotsFound(counted.found())
                .setBallotsValid(counted.valid())
                .setBallotsInvalid(counted.invalid())
                .setStationsTotal(stations)
                .setStationsReported(totals.reported())
                .setStationsExcluded(totals.excluded())
                .setStationsReportedShare(ratio(totals.reported(), stations))
                .setLedgerSequence(snapshot.ledgerSequence())
                .setAsOfTime(Timestamps.toProto(asOf));
        for (int i = 0; i < candidates.size(); i++) {
            Candidate c = candidates.get(i);
            results.addCandidates(CandidateResult.newBuilder()
                    .setCandidateCode(c.getCandidateCode())
                    .setFullName(c.getFullName())
                    .setPartyName(c.getPartyName())
                    .setBallotOrder(c.getBallotOrder())
                    .setVotes(totals.votesOf(i))
                    .setShare(ratio(totals.votesOf(i), counted.valid())));
        }
        return results.build();
    }

    /** The sum of every district's totals. */
    private static DistrictTotals nation(TotalsSnapshot snapshot) {
        DistrictTotals sum = DistrictTotals.zero("");
        for (DistrictTotals district : snapshot.districts().values()) {
            sum = sum.plus(district, "");
        }
        return sum;
    }

    private static ResultsStatus status(boolean certified, DistrictTotals totals, long stations) {
        if (certified) {
            return ResultsStatus.RESULTS_STATUS_CERTIFIED;
        }
        return totals.reported() + totals.excluded() >= stations
                ? ResultsStatus.RESULTS_STATUS_UNOFFICIAL_COMPLETE
                : ResultsStatus.RESULTS_STATUS_UNOFFICIAL_PARTIAL;
    }

    private static io.electa.common.v1.Ratio ratio(long numerator, long denominator) {
        return io.electa.common.v1.Ratio.newBuilder()
                .setNumerator(numerator)
                .setDenominator(denominator)
                .setPercent(new Ratio(numerator, denominator).percent())
                .build();
    }
}
