package io.electa.client.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.LedgerEntry;
import io.electa.tally.v1.LedgerRecord;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolReviewed;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ReviewDecision;
import java.util.ArrayList;
import java.util.List;

/**
 * Replays an election's public ledger as anyone can: checks that the chain is whole (sequences
 * from 1 without gaps, each previous_hash the entry_hash before it, each entry_hash the SHA-256
 * of the previous hash and the payload as received), that every payload repeats its entry's
 * fields, and recomputes every total from the recorded protocols. Compare the recomputed
 * {@link Tally} with the published results, and the last entry with a head obtained earlier.
 *
 * <p>Plain Java over the contract's messages: no service, no database.
 */
public final class LedgerVerifier {
    private final String electionId;
    private final List<String> problems = new ArrayList<>();
    private final Tally tally = new Tally();
    private long expectedSequence = 1;
    private String previousHash = LedgerHash.GENESIS;
    private boolean certified;

    public LedgerVerifier(String electionId) {
        this.electionId = electionId;
    }

    /** Replays every entry in order and reports what it found. */
    public static Verification verify(String electionId, Iterable<LedgerEntry> entries) {
        LedgerVerifier verifier = new LedgerVerifier(electionId);
        entries.forEach(verifier::accept);
        return verifier.result();
    }

    /** Takes the next entry of the stream. */
    public void accept(LedgerEntry entry) {
        checkChain(entry);
        LedgerRecord record = parse(entry);
        if (record != null) {
            checkRecord(entry, record);
            replay(entry.getSequence(), record);
        }
        expectedSequence = entry.getSequence() + 1;
        previousHash = entry.getEntryHash();
    }

    /** What the replay found: the problems (none for an intact ledger), the head and the tally. */
    public Verification result() {
        return new Verification(List.copyOf(problems), expectedSequence - 1, previousHash, tally);
    }

    private void checkChain(LedgerEntry entry) {
        long sequence = entry.getSequence();
        if (sequence != expectedSequence) {
            problems.add("entry " + sequence + ": expected sequence " + expectedSequence
                    + (sequence > expectedSequence ? " (entries are missing)" : " (entries are repeated or out of order)"));
        }
        if (!entry.getPreviousHash().equals(previousHash)) {
            problems.add("entry " + sequence + ": previous_hash " + entry.getPreviousHash()
                    + " is not the entry_hash before it (" + previousHash + ")");
        }
        if (!LedgerHash.isWellFormed(entry.getPreviousHash())) {
            problems.add("entry " + sequence + ": previous_hash is not 64 lower-case hex characters");
            return;
        }
        String recomputed = LedgerHash.next(entry.getPreviousHash(), entry.getPayload().toByteArray());
        if (!recomputed.equals(entry.getEntryHash())) {
            problems.add("entry " + sequence + ": entry_hash " + entry.getEntryHash()
                    + " does not match its content (recomputed " + recomputed + ")");
        }
        if (certified) {
            problems.add("entry " + sequence + ": appended after the certification");
        }
    }

    private LedgerRecord parse(LedgerEntry entry) {
        try {
            return LedgerRecord.parseFrom(entry.getPayload());
        } catch (InvalidProtocolBufferException e) {
            problems.add("entry " + entry.getSequence() + ": payload is not a LedgerRecord");
            return null;
        }
    }

    private void checkRecord(LedgerEntry entry, LedgerRecord record) {
        long sequence = entry.getSequence();
        if (record.getSequence() != sequence || record.getKind() != entry.getKind()
                || !record.getElectionId().equals(electionId) || !entry.getElectionId().equals(electionId)
                || !record.getRecordTime().equals(entry.getRecordTime())) {
            problems.add("entry " + sequence + ": its fields differ from the record its hash covers");
        }
    }

    private void replay(long sequence, LedgerRecord record) {
        switch (record.getBodyCase()) {
            case CANDIDATES_DEFINED:
                tally.defineCandidates(record.getCandidatesDefined().getCandidatesList());
                break;
            case PROTOCOL:
                replayProtocol(sequence, record.getProtocol());
                break;
            case PROTOCOL_REVIEWED:
                replayReview(sequence, record.getProtocolReviewed());
                break;
            case STATION_EXCLUDED:
                tally.exclude(record.getStationExcluded().getStationCode(),
                        record.getStationExcluded().getDistrictCode());
                break;
            case CERTIFICATION:
                certified = true;
                tally.certify(record.getCertification());
                checkCertified(sequence, record.getCertification().getResults());
                break;
            default:
                problems.add("entry " + sequence + ": records nothing");
        }
    }

    /** The certified national figures must be the sums of the protocols the ledger counts. */
    private void checkCertified(long sequence, Results certified) {
        Tally.Sums sums = tally.sums(null);
        List<Long> votes = certified.getCandidatesList().stream().map(CandidateResult::getVotes).toList();
        if (certified.getVotersRegistered() != sums.registered() || certified.getBallotsIssued() != sums.issued()
                || certified.getBallotsFound() != sums.found() || certified.getBallotsValid() != sums.valid()
                || certified.getBallotsInvalid() != sums.invalid() || certified.getStationsReported() != sums.reported()
                || !votes.equals(sums.votes())) {
            problems.add("entry " + sequence + ": the certified results differ from the sums of the protocols"
                    + " the ledger counts");
        }
    }

    private void replayProtocol(long sequence, Protocol protocol) {
        if (protocol.getLedgerSequence() != sequence) {
            problems.add("entry " + sequence + ": protocol " + protocol.getProtocolId()
                    + " names ledger sequence " + protocol.getLedgerSequence());
        }
        String problem = tally.record(protocol);
        if (problem != null) {
            problems.add("entry " + sequence + ": " + problem);
        }
    }

    private void replayReview(long sequence, ProtocolReviewed reviewed) {
        ProtocolStatus status = reviewed.getReview().getDecision() == ReviewDecision.REVIEW_DECISION_ACCEPTED
                ? ProtocolStatus.PROTOCOL_STATUS_ACCEPTED : ProtocolStatus.PROTOCOL_STATUS_REJECTED;
        String problem = tally.review(reviewed.getStationCode(), reviewed.getProtocolId(), status);
        if (problem != null) {
            problems.add("entry " + sequence + ": " + problem);
        }
    }
}
