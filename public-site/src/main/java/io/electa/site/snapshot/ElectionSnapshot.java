package io.electa.site.snapshot;

import io.electa.registry.v1.District;
import io.electa.registry.v1.Election;
import io.electa.registry.v1.Station;
import io.electa.registry.v1.StationRollDigest;
import io.electa.registry.v1.Turnout;
import io.electa.site.figures.Fingerprint;
import io.electa.site.figures.StationFigures;
import io.electa.site.flags.Flag;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.StationExclusion;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the site shows of one election, read from the services at one moment and shared by every
 * visitor until the figures move.
 *
 * @param versions every protocol version by station code, oldest first
 * @param counted the counted stations' figures (current version ACCEPTED, station not excluded)
 * @param flags the flags raised on the counted stations, by station code
 * @param observation the observers' reports and incidents by station (read with the figures, and
 *     again on its own when older than electa.site.observation-refresh)
 */
public record ElectionSnapshot(Election election, Results national, Turnout turnout, List<District> districts,
        Map<String, Results> districtResults, Map<String, Station> stations, Map<String, Turnout> stationTurnouts,
        Optional<String> rollDigest, Map<String, StationRollDigest> stationDigests,
        Map<String, List<Protocol>> versions, Map<String, StationExclusion> exclusions,
        List<StationFigures> counted, Map<String, List<Flag>> flags, Fingerprint fingerprint,
        Optional<LedgerHead> head, Observation observation, Instant readAt) {

    /** The same figures with the observers' figures read again. */
    ElectionSnapshot withObservation(Observation newer) {
        return new ElectionSnapshot(election, national, turnout, districts, districtResults, stations,
                stationTurnouts, rollDigest, stationDigests, versions, exclusions, counted, flags, fingerprint, head,
                newer, readAt);
    }

    /** The national winner: the candidate with the most votes (ballot order breaks a tie); empty before any. */
    public Optional<String> winnerCode() {
        return winnerOf(national);
    }

    /** The leading candidate of {@code results}: the most votes, the earlier on the ballot on a tie. */
    static Optional<String> winnerOf(Results results) {
        return results.getCandidatesList().stream().filter(c -> c.getVotes() > 0)
                .max(Comparator.comparingLong(CandidateResult::getVotes)
                        .thenComparing(c -> -c.getBallotOrder()))
                .map(CandidateResult::getCandidateCode);
    }

    /** The stations of one district, by code. */
    public List<Station> stationsOf(String districtCode) {
        return stations.values().stream().filter(s -> s.getDistrictCode().equals(districtCode)).toList();
    }

    /** Every flag, by station code then rule. */
    public List<Flag> allFlags() {
        return flags.values().stream().flatMap(List::stream).toList();
    }
}
