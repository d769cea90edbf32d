package io.electa.tally.service;

import io.electa.tally.domain.ElectionFacts;
import io.electa.tally.v1.Candidate;
import java.util.List;

/** An election that takes protocols, and its (locked) candidate list by ballot order. */
public record CountingContext(ElectionFacts election, List<Candidate> candidates) {

    public List<String> candidateCodes() {
        return candidates.stream().map(Candidate::getCandidateCode).toList();
    }
}
