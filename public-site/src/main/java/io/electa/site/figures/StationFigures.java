package io.electa.site.figures;

import io.electa.client.figures.Percent;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;

/**
 * One counted station's published figures as the fingerprint and the flags use them: turnout
 * (ballots issued / voters registered) and the national winner's share of its valid ballots, the
 * same ratios the tally publishes for districts and the nation, to two decimals half up.
 *
 * @param votes the votes of every candidate on the protocol, in its order
 */
public record StationFigures(String stationCode, String districtCode, long registered, long issued, long valid,
        long winnerVotes, long[] votes) {

    /** The figures of a counted protocol, {@code winnerCode} being the national winner. */
    public static StationFigures of(Protocol protocol, String winnerCode) {
        ProtocolFigures f = protocol.getFigures();
        long issued = f.getBallotsIssuedEarly() + f.getBallotsIssuedOnDay() + f.getBallotsIssuedMobile();
        long winner = 0;
        long[] votes = new long[f.getCandidateVotesCount()];
        for (int i = 0; i < votes.length; i++) {
            CandidateVotes v = f.getCandidateVotes(i);
            votes[i] = v.getVotes();
            if (v.getCandidateCode().equals(winnerCode)) {
                winner = v.getVotes();
            }
        }
        return new StationFigures(protocol.getStationCode(), protocol.getDistrictCode(), f.getVotersRegistered(),
                issued, f.getBallotsValid(), winner, votes);
    }

    /** Turnout in percent, two decimals, as published. */
    public String turnoutPercent() {
        return Percent.of(issued, registered);
    }

    /** The winner's share of the valid ballots in percent, two decimals, as published. */
    public String winnerSharePercent() {
        return Percent.of(winnerVotes, valid);
    }

    /** Turnout in percent, for plotting and comparing. */
    public double turnout() {
        return Double.parseDouble(turnoutPercent());
    }

    /** The winner's share in percent, for plotting and comparing. */
    public double winnerShare() {
        return Double.parseDouble(winnerSharePercent());
    }

    /** The largest share any one candidate has of the valid ballots, in percent. */
    public double topShare() {
        long top = 0;
        for (long v : votes) {
            top = Math.max(top, v);
        }
        return Double.parseDouble(Percent.of(top, valid));
    }
}
