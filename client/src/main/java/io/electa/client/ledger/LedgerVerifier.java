package io.electa.client.ledger;

import com.google.protobuf.InvalidProtocolBufferException;
import io.electa.client.signing.PublishedKeys;
import io.electa.tally.v1.CandidateResult;
import io.electa.tally.v1.LedgerEntry;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerRecord;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolReviewed;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ReviewDecision;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays an election's public ledger as anyone can: checks that the chain is whole (sequences
 * from 1 without gaps, each previous_hash the entry_hash before it, each entry_hash the SHA-256
 * of the previous hash and the payload as received), that every payload repeats its entry's
 * fields, and recomputes every total from the recorded protocols. Compare the recomputed
 * {@link Tally} with the published results, and the last entry with a head obtained earlier.
 *
 * <p>With the tally's published key set it also checks signed heads ({@link #acceptSignedHead}):
 * each signature, by a key valid when it signed, and that the chain has the signed entry, so a
 * copy of the ledger proves it came from the tally.
 *
 * <p>Plain Java over the contract's messages: no service, no database.
 */
public final class LedgerVerifier {
    private final String electionId;
    private final PublishedKeys keys;
    private final List<String> problems = new ArrayList<>();
    private final List<SignedHead> signedHeads = new ArrayList<>();
    private final Map<Long, SignedHead> awaited = new TreeMap<>();
    private final Tally tally = new Tally();
    private long expectedSequence = 1;
    private String previousHash = LedgerHash.GENESIS;
    private LedgerEntryKind previousKind = LedgerEntryKind.LEDGER_ENTRY_KIND_UNSPECIFIED;
    private boolean certified;

    /** A verifier of the chain alone; it cannot check signed heads. */
    public LedgerVerifier(String electionId) {
        this(electionId, null);
    }

    /** A verifier that also checks signed heads with the tally's published ledger keys. */
    public LedgerVerifier(String electionId, PublishedKeys keys) {
        this.electionId = electionId;
        this.keys = keys;
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
        previousKind = entry.getKind();
        SignedHead signed = awaited.remove(entry.getSequence());
        if (signed != null) {
            checkSignedEntry(signed);
        }
    }

    /**
     * Takes a signed head: its signature is checked now, and the chain must have its entry, either
     * the entry last accepted or one still to come. A head of an entry already passed cannot be
     * matched: give heads before or right after their entries.
     */
    public void acceptSignedHead(LedgerHead head) {
        if (keys == null) {
            throw new IllegalStateException("this verifier has no key set to check signed heads with");
        }
        SignedHead.Check check = SignedHead.check(head, keys);
        if (!check.valid()) {
            problems.add(check.problem());
            return;
        }
        if (!head.getElectionId().equals(electionId)) {
            problems.add("a signed head is of election " + head.getElectionId() + ", not " + electionId);
        } else if (head.getSequence() == expectedSequence - 1) {
            checkSignedEntry(check.head());
        } else if (head.getSequence() >= expectedSequence) {
            awaited.put(head.getSequence(), check.head());
        } else {
            problems.add("signed head of entry " + head.getSequence() + " came after the entries past it");
        }
    }

    /** What the replay found: the problems (none for an intact ledger), the head, the tally and the signed heads. */
    public Verification result() {
        List<String> found = new ArrayList<>(problems);
        awaited.values().forEach(head -> found.add("the ledger ends at entry " + (expectedSequence - 1)
                + ", but the tally signed a head at entry " + head.statement().getSequence()));
        return new Verification(List.copyOf(found), expectedSequence - 1, previousHash, tally, List.copyOf(signedHeads));
    }

    /** A signed head of the entry just accepted: the chain must have that hash (and, if certified, that kind). */
    private void checkSignedEntry(SignedHead signed) {
        long sequence = signed.statement().getSequence();
        if (!signed.statement().getEntryHash().equals(previousHash)) {
            problems.add("entry " + sequence + ": entry_hash " + previousHash + " is not the hash the tally signed ("
                    + signed.statement().getEntryHash() + ")");
        } else if (signed.statement().getCertified()
                && previousKind != LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED) {
            problems.add("entry " + sequence + ": signed as the certification, but it is not");
        } else {
            signedHeads.add(signed);
        }
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
