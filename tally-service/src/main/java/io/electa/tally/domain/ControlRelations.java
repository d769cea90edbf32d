package io.electa.tally.domain;

import io.electa.common.v1.FieldViolationReason;
import io.electa.support.domain.FieldViolation;
import io.electa.tally.v1.CandidateVotes;
import io.electa.tally.v1.ProtocolFigures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The arithmetic control relations CR1..CR7 of a station protocol. Every broken relation is
 * reported (not only the first), each as a field violation whose description starts with the
 * relation id and gives the values.
 */
public final class ControlRelations {
    public static final List<Relation> RULES = List.of(
            new Relation("CR1", Relation.Kind.ARITHMETIC,
                    "ballots_received = ballots_issued_early + ballots_issued_on_day + ballots_issued_mobile"
                            + " + ballots_cancelled",
                    "Every ballot the commission received was either issued to a voter or cancelled."),
            new Relation("CR2", Relation.Kind.ARITHMETIC,
                    "ballots_found_stationary + ballots_found_mobile <= ballots_issued_early"
                            + " + ballots_issued_on_day + ballots_issued_mobile",
                    "The boxes hold no more ballots than were issued."),
            new Relation("CR3", Relation.Kind.ARITHMETIC,
                    "ballots_found_stationary + ballots_found_mobile = ballots_valid + ballots_invalid",
                    "Every ballot found in a box is either valid or invalid."),
            new Relation("CR4", Relation.Kind.ARITHMETIC,
                    "ballots_valid = sum of candidate_votes[].votes",
                    "The valid ballots are exactly the votes for the candidates."),
            new Relation("CR5", Relation.Kind.ARITHMETIC,
                    "ballots_issued_early + ballots_issued_on_day + ballots_issued_mobile <= voters_registered",
                    "No more ballots were issued than voters are on the list."),
            new Relation("CR6", Relation.Kind.ARITHMETIC,
                    "every figure, and every candidate's votes, >= 0",
                    "No figure is negative."),
            new Relation("CR7", Relation.Kind.ARITHMETIC,
                    "candidate_votes names every candidate of the election exactly once and no other candidate code",
                    "The protocol gives the votes of every candidate on the ballot, and of no one else."),
            new Relation("XC1", Relation.Kind.REGISTRY_CROSS_CHECK,
                    "voters_registered = the station's frozen roll size (registry roll digest)",
                    "The list the station counted against is the frozen roll the registry published."),
            new Relation("XC2", Relation.Kind.REGISTRY_CROSS_CHECK,
                    "ballots_issued_on_day + ballots_issued_mobile = voters marked as voted at the station"
                            + " (registry station turnout `voted`)",
                    "Every ballot issued on election day matches a voter marked at the station."));

    private ControlRelations() {
    }

    /** The broken relations of {@code f} against the candidate codes of the election (ballot order). */
    public static List<FieldViolation> check(ProtocolFigures f, List<String> candidateCodes) {
        List<FieldViolation> broken = new ArrayList<>();
        checkFigures(f, broken);
        if (!broken.isEmpty()) {
            return broken;
        }
        long issued = issued(f);
        long found = found(f);
        long votes = f.getCandidateVotesList().stream().mapToLong(CandidateVotes::getVotes).sum();
        if (f.getBallotsReceived() != issued + f.getBallotsCancelled()) {
            broken.add(violation("ballots_received", "CR1", "ballots_received " + f.getBallotsReceived()
                    + " must equal ballots issued " + issued + " + ballots_cancelled " + f.getBallotsCancelled()
                    + " = " + (issued + f.getBallotsCancelled())));
        }
        if (found > issued) {
            broken.add(violation("ballots_found_stationary", "CR2", "ballots found " + found
                    + " (stationary + mobile) must not exceed ballots issued " + issued));
        }
        if (found != f.getBallotsValid() + f.getBallotsInvalid()) {
            broken.add(violation("ballots_found_stationary", "CR3", "ballots found " + found
                    + " must equal ballots_valid " + f.getBallotsValid() + " + ballots_invalid "
                    + f.getBallotsInvalid() + " = " + (f.getBallotsValid() + f.getBallotsInvalid())));
        }
        if (f.getBallotsValid() != votes) {
            broken.add(violation("candidate_votes", "CR4", "ballots_valid " + f.getBallotsValid()
                    + " must equal the sum of candidate votes " + votes));
        }
        if (issued > f.getVotersRegistered()) {
            broken.add(violation("ballots_issued_early", "CR5", "ballots issued " + issued
                    + " must not exceed voters_registered " + f.getVotersRegistered()));
        }
        checkCandidates(f, candidateCodes, broken);
        return broken;
    }

    /** Ballots issued: early + on the day + mobile. */
    public static long issued(ProtocolFigures f) {
        return f.getBallotsIssuedEarly() + f.getBallotsIssuedOnDay() + f.getBallotsIssuedMobile();
    }

    /** Ballots found: stationary + mobile boxes. */
    public static long found(ProtocolFigures f) {
        return f.getBallotsFoundStationary() + f.getBallotsFoundMobile();
    }

    private static void checkFigures(ProtocolFigures f, List<FieldViolation> broken) {
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("voters_registered", f.getVotersRegistered());
        figures.put("ballots_received", f.getBallotsReceived());
        figures.put("ballots_issued_early", f.getBallotsIssuedEarly());
        figures.put("ballots_issued_on_day", f.getBallotsIssuedOnDay());
        figures.put("ballots_issued_mobile", f.getBallotsIssuedMobile());
        figures.put("ballots_cancelled", f.getBallotsCancelled());
        figures.put("ballots_found_stationary", f.getBallotsFoundStationary());
        figures.put("ballots_found_mobile", f.getBallotsFoundMobile());
        figures.put("ballots_invalid", f.getBallotsInvalid());
        figures.put("ballots_valid", f.getBallotsValid());
        for (int i = 0; i < f.getCandidateVotesCount(); i++) {
            figures.put("candidate_votes[" + i + "].votes", f.getCandidateVotes(i).getVotes());
        }
        figures.forEach((name, value) -> {
            if (value < 0) {
                broken.add(violation(name, "CR6", name + " is " + value + "; no figure may be negative"));
            }
        });
    }

    private static void checkCandidates(ProtocolFigures f, List<String> candidateCodes, List<FieldViolation> broken) {
        Set<String> expected = new HashSet<>(candidateCodes);
        Set<String> seen = new HashSet<>();
        Set<String> duplicate = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        for (CandidateVotes votes : f.getCandidateVotesList()) {
            if (!expected.contains(votes.getCandidateCode())) {
                unknown.add(votes.getCandidateCode());
            } else if (!seen.add(votes.getCandidateCode())) {
                duplicate.add(votes.getCandidateCode());
            }
        }
        Set<String> missing = new TreeSet<>(expected);
        missing.removeAll(seen);
        if (!missing.isEmpty() || !unknown.isEmpty() || !duplicate.isEmpty()) {
            StringBuilder text = new StringBuilder("every candidate exactly once:");
            append(text, "missing", missing);
            append(text, "unknown", unknown);
            append(text, "more than once", duplicate);
            broken.add(violation("candidate_votes", "CR7", text.toString()));
        }
    }

    private static void append(StringBuilder text, String label, Set<String> codes) {
        if (!codes.isEmpty()) {
            text.append(' ').append(label).append(' ').append(String.join(", ", codes)).append(';');
        }
    }

    private static FieldViolation violation(String figure, String relation, String text) {
        return new FieldViolation("figures." + figure, FieldViolationReason.CONTROL_RELATION, relation + ": " + text);
    }
}
