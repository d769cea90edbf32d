package io.electa.site.live;

import io.electa.registry.v1.Turnout;
import io.electa.site.web.Format;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.Results;
import java.util.List;

/**
 * One live update of the national page, as every visitor's browser receives it: the figures
 * already written as the page writes them, so the script only puts them in place.
 */
public record LiveFigures(String status, String turnout, String voted, String registered, String resultsTurnout,
        String ballotsIssued, String stationsReported, String stationsTotal, String stationsReportedShare,
        String ledgerSequence, String asOf, List<Candidate> candidates) {

    /** One candidate's votes and share. */
    public record Candidate(String code, String votes, String share) {
    }

    public static LiveFigures of(Results results, Turnout turnout) {
        return new LiveFigures(results.getStatus().name().replace("RESULTS_STATUS_", ""),
                turnout.getTurnout().getPercent(), Format.count(turnout.getVoted()),
                Format.count(turnout.getRegistered()), results.getTurnout().getPercent(),
                Format.count(results.getBallotsIssued()), Format.count(results.getStationsReported()),
                Format.count(results.getStationsTotal()), results.getStationsReportedShare().getPercent(),
                Long.toString(results.getLedgerSequence()), Format.time(results.getAsOfTime()),
                results.getCandidatesList().stream().map(LiveFigures::candidate).toList());
    }

    private static Candidate candidate(CandidateResult c) {
        return new Candidate(c.getCandidateCode(), Format.count(c.getVotes()), c.getShare().getPercent());
    }
}
