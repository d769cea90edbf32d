package io.electa.benchmarks;

import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.Results;
import java.io.PrintStream;
import java.util.List;
import java.util.OptionalLong;

/** The tally benchmark's figures, goals and checks, printed as a table. */
final class TallySummary {
    private final TallyLoad.Figures cold;
    private final TallyLoad.Figures figures;
    private final List<TallyLoad.StationProtocol> protocols;
    private final Results nation;
    private final OptionalLong tallyRssKib;

    TallySummary(TallyLoad.Figures cold, TallyLoad.Figures figures, List<TallyLoad.StationProtocol> protocols,
            Results nation, OptionalLong tallyRssKib) {
        this.cold = cold;
        this.figures = figures;
        this.protocols = protocols;
        this.nation = nation;
        this.tallyRssKib = tallyRssKib;
    }

    void print(PrintStream out) {
        double seconds = figures.elapsedNanos() / 1e9;
        out.println();
        out.println("== Tally benchmark ==");
        long[] c = cold.resultsLatencyNanos();
        out.printf("rehearsal, fresh JVMs        %,d protocols (%,d accepted) in %.2f s, %,.0f/s; GetResults p50 %.2f ms,"
                + " p99 %.2f ms%n", cold.submitted(), cold.accepted(), cold.elapsedNanos() / 1e9,
                cold.submitted() / (cold.elapsedNanos() / 1e9), ms(c, 0.50), ms(c, 0.99));
        out.println("election night (the goals apply here):");
        out.printf("protocols submitted          %,d by the clients, %,d accepted, %,d not accepted%n",
                figures.submitted(), figures.accepted(), figures.failed());
        out.printf("all acknowledged after       %.2f s (goal <= 10 s: %s)%n", seconds, verdict(seconds <= 10));
        out.printf("throughput                   %,.0f protocols/s%n", figures.submitted() / seconds);
        double currentMs = figures.currentAfterNanos() / 1e6;
        out.printf("national result complete     %.1f ms after the last acknowledgement (goal <= 200 ms: %s)%n",
                currentMs, verdict(figures.currentAfterNanos() >= 0 && currentMs <= 200));
        long[] l = figures.resultsLatencyNanos();
        out.printf("GetResults while submitting  %,d reads: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms"
                + " (goal p99 <= 5 ms: %s)%n", l.length, ms(l, 0.50), ms(l, 0.90), ms(l, 0.99), ms(l, 1.0),
                verdict(l.length > 0 && ms(l, 0.99) <= 5));
        out.printf("national turnout             %s %% (ballots issued / registered)%n",
                nation.getTurnout().getPercent());
        out.printf("winner's share               %s %% of valid votes (%s)%n",
                nation.getCandidates(0).getShare().getPercent(), nation.getCandidates(0).getCandidateCode());
        tallyRssKib.ifPresent(kib -> out.printf("tally peak RSS               %,d MiB%n", kib / 1024));
        out.printf("check: every protocol accepted                   %s%n", pass(everyAccepted()));
        out.printf("check: national result = sum of the protocols    %s%n", pass(nationMatches()));
    }

    boolean allPassed() {
        return everyAccepted() && nationMatches();
    }

    private boolean everyAccepted() {
        return figures.accepted() == protocols.size() && figures.failed() == 0
                && cold.accepted() == cold.submitted() && cold.failed() == 0;
    }

    private boolean nationMatches() {
        long registered = 0;
        long issued = 0;
        long valid = 0;
        long invalid = 0;
        long[] votes = new long[TallyLoad.CANDIDATES.size()];
        for (TallyLoad.StationProtocol p : protocols) {
            ProtocolFigures f = p.figures();
            registered += f.getVotersRegistered();
            issued += f.getBallotsIssuedEarly() + f.getBallotsIssuedOnDay() + f.getBallotsIssuedMobile();
            valid += f.getBallotsValid();
            invalid += f.getBallotsInvalid();
            for (int i = 0; i < votes.length; i++) {
                votes[i] += f.getCandidateVotes(i).getVotes();
            }
        }
        boolean same = nation.getVotersRegistered() == registered && nation.getBallotsIssued() == issued
                && nation.getBallotsValid() == valid && nation.getBallotsInvalid() == invalid
                && nation.getStationsReported() == protocols.size();
        for (int i = 0; i < votes.length; i++) {
            same &= nation.getCandidates(i).getVotes() == votes[i];
        }
        return same;
    }

    private static double ms(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    private static String pass(boolean ok) {
        return ok ? "passed" : "FAILED";
    }
}
