package io.electa.client.ledger;

import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.Certification;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.ProtocolStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The count as the ledger states it: each station's current version and its status, the
 * excluded stations, and from those the totals of every district and the nation.
 */
public final class Tally {
    private final List<Candidate> candidates = new ArrayList<>();
    private final Map<String, Protocol> current = new TreeMap<>();
    private final Map<String, ProtocolStatus> status = new TreeMap<>();
    private final Map<String, String> excluded = new TreeMap<>();
    private Certification certification;

    /** Sums over the counted protocols of one scope; votes by ballot order. */
    public record Sums(long registered, long issued, long found, long valid, long invalid, long reported,
            long excluded, List<Long> votes) {
    }

    void defineCandidates(List<Candidate> list) {
        candidates.clear();
        candidates.addAll(list);
    }

    /** Records a new current version; a problem when it breaks the version rules. */
    String record(Protocol protocol) {
        Protocol before = current.get(protocol.getStationCode());
        int expected = before == null ? 1 : before.getVersion() + 1;
        current.put(protocol.getStationCode(), protocol);
        status.put(protocol.getStationCode(), protocol.getStatus());
        if (protocol.getVersion() != expected) {
            return "station " + protocol.getStationCode() + ": version " + protocol.getVersion()
                    + " follows version " + (expected - 1);
        }
        if (!protocol.getSupersedesProtocolId().isEmpty()
                && (before == null || !before.getProtocolId().equals(protocol.getSupersedesProtocolId()))) {
            return "protocol " + protocol.getProtocolId() + " supersedes a version that is not current";
        }
        return null;
    }

    /** Applies a review to the station's current version; a problem when it names another. */
    String review(String stationCode, String protocolId, ProtocolStatus decided) {
        Protocol protocol = current.get(stationCode);
        if (protocol == null || !protocol.getProtocolId().equals(protocolId)) {
            return "a review names protocol " + protocolId + ", which is not the current version of " + stationCode;
        }
        status.put(stationCode, decided);
        return null;
    }

    void exclude(String stationCode, String districtCode) {
        excluded.put(stationCode, districtCode);
    }

    void certify(Certification certification) {
        this.certification = certification;
    }

    /** The certification the ledger records, or null. */
    public Certification certification() {
        return certification;
    }

    /** Candidate codes by ballot order. */
    public List<String> candidateCodes() {
        return candidates.stream().map(Candidate::getCandidateCode).toList();
    }

    /** The protocols that count: current, ACCEPTED, station not excluded; by station code. */
    public List<Protocol> counted() {
        return current.values().stream()
                .filter(p -> !excluded.containsKey(p.getStationCode()))
                .filter(p -> status.get(p.getStationCode()) == ProtocolStatus.PROTOCOL_STATUS_ACCEPTED)
                .toList();
    }

    /** The sums of one district, or of the nation when {@code districtCode} is null. */
    public Sums sums(String districtCode) {
        long[] totals = new long[6];
        long[] votes = new long[candidates.size()];
        for (Protocol p : counted()) {
            if (districtCode != null && !districtCode.equals(p.getDistrictCode())) {
                continue;
            }
            ProtocolFigures f = p.getFigures();
            totals[0] += f.getVotersRegistered();
            totals[1] += f.getBallotsIssuedEarly() + f.getBallotsIssuedOnDay() + f.getBallotsIssuedMobile();
            totals[2] += f.getBallotsFoundStationary() + f.getBallotsFoundMobile();
            totals[3] += f.getBallotsValid();
            totals[4] += f.getBallotsInvalid();
            totals[5] += 1;
            for (int i = 0; i < f.getCandidateVotesCount() && i < votes.length; i++) {
                votes[i] += f.getCandidateVotes(i).getVotes();
            }
        }
        long excludedHere = excluded.values().stream()
                .filter(d -> districtCode == null || districtCode.equals(d))
                .count();
        List<Long> voteList = new ArrayList<>();
        for (long v : votes) {
            voteList.add(v);
        }
        return new Sums(totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], excludedHere, voteList);
    }

    /** Every district that has a counted protocol or an exclusion. */
    public Set<String> districts() {
        Set<String> districts = new HashSet<>(excluded.values());
        counted().forEach(p -> districts.add(p.getDistrictCode()));
        return districts;
    }
}
