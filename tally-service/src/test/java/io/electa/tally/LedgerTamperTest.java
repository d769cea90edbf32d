package io.electa.tally;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.electa.client.ledger.LedgerHash;
import io.electa.client.ledger.SignedHead;
import io.electa.client.signing.PublishedKeys;
import io.electa.common.v1.KeySet;
import io.electa.tally.v1.GetLedgerKeySetRequest;
import io.electa.tally.v1.LedgerEntryKind;
import io.electa.tally.v1.StreamLedgerResponse;
import io.electa.tally.v1.AcceptProtocolRequest;
import io.electa.tally.v1.CorrectProtocolRequest;
import io.electa.tally.v1.GetLedgerHeadRequest;
import io.electa.tally.v1.LedgerEntry;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerRecord;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolFigures;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.StreamLedgerRequest;
import io.electa.client.ledger.LedgerVerifier;
import io.electa.client.ledger.Tally;
import io.electa.client.ledger.Verification;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The public ledger against someone with write access to the tally's database: every way of
 * altering, deleting or inserting entries is caught by the verifier, by the chain itself or by
 * comparing with a head published before; and signed heads, checked with the published ledger
 * keys, against someone who alters them.
 */
@QuarkusTest
class LedgerTamperTest extends TallyTestSupport {
    @Inject
    Pool pool;

    @Test
    void anIntactLedgerVerifiesAndItsRecomputedTotalsEqualThePublishedResults() {
        Scenario s = eventfulElection();

        Verification v = LedgerVerifier.verify(s.electionId, ledger(s.electionId));

        assertThat(v.problems()).isEmpty();
        LedgerHead head = head(s.electionId);
        assertThat(v.headSequence()).isEqualTo(head.getSequence());
        assertThat(v.headHash()).isEqualTo(head.getEntryHash());
        assertSameTotals(v.tally().sums(null), nation(s.electionId));
        assertSameTotals(v.tally().sums("D1"), district(s.electionId, "D1"));
        assertSameTotals(v.tally().sums("D2"), district(s.electionId, "D2"));
    }

    @Test
    void alteringAnEntrysContentIsDetected() {
        Scenario s = eventfulElection();
        LedgerEntry target = ledger(s.electionId).get(2);
        LedgerRecord record = parse(target);
        ProtocolFigures f = record.getProtocol().getFigures();
        LedgerRecord forged = record.toBuilder().setProtocol(record.getProtocol().toBuilder().setFigures(f.toBuilder()
                .setCandidateVotes(0, f.getCandidateVotes(0).toBuilder().setVotes(f.getCandidateVotes(0).getVotes() + 100))
                .setCandidateVotes(1, f.getCandidateVotes(1).toBuilder().setVotes(f.getCandidateVotes(1).getVotes() - 1))))
                .build();
        sql("UPDATE ledger_entry SET payload = $3 WHERE election_id = $1 AND sequence = $2",
                Tuple.of(s.electionId, target.getSequence(), Buffer.buffer(forged.toByteArray())));

        Verification v = LedgerVerifier.verify(s.electionId, ledger(s.electionId));

        assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("entry " + target.getSequence() + ": entry_hash"));
    }

    @Test
    void rewritingTheWholeChainAfterAnAlterationIsCaughtByAHeadPublishedBefore() {
        Scenario s = eventfulElection();
        LedgerHead published = head(s.electionId);
        List<LedgerEntry> entries = ledger(s.electionId);
        LedgerRecord record = parse(entries.get(2));
        ProtocolFigures f = record.getProtocol().getFigures();
        List<LedgerEntry> forged = new ArrayList<>(entries);
        forged.set(2, entries.get(2).toBuilder().setPayload(record.toBuilder().setProtocol(record.getProtocol()
                .toBuilder().setFigures(f.toBuilder().setBallotsInvalid(f.getBallotsInvalid()))
                .setSubmittedBy("forger")).build().toByteString()).build());
        rechain(s.electionId, forged);

        Verification v = LedgerVerifier.verify(s.electionId, ledger(s.electionId));

        assertThat(v.problems()).as("the forger rehashed everything").isEmpty();
        assertThat(v.headHash()).isNotEqualTo(published.getEntryHash());
        assertThat(head(s.electionId).getEntryHash()).as("the head row was not rewritten")
                .isEqualTo(published.getEntryHash()).isNotEqualTo(v.headHash());
    }

    @Test
    void aCertificationWhoseFiguresDifferFromTheProtocolsIsDetectedEvenWhenRechained() {
        Scenario s = eventfulElection();
        tally().certifyResults(io.electa.tally.v1.CertifyResultsRequest.newBuilder().setElectionId(s.electionId)
                .setRequestId(requestId()).build());
        List<LedgerEntry> entries = ledger(s.electionId);
        assertThat(LedgerVerifier.verify(s.electionId, entries).problems()).isEmpty();
        int last = entries.size() - 1;
        LedgerRecord record = parse(entries.get(last));
        Results results = record.getCertification().getResults();
        LedgerRecord forged = record.toBuilder().setCertification(record.getCertification().toBuilder()
                .setResults(results.toBuilder().setCandidates(0, results.getCandidates(0).toBuilder()
                        .setVotes(results.getCandidates(0).getVotes() + 1000)))).build();
        List<LedgerEntry> rewritten = new ArrayList<>(entries);
        rewritten.set(last, entries.get(last).toBuilder().setPayload(forged.toByteString()).build());
        rechain(s.electionId, rewritten);

        Verification v = LedgerVerifier.verify(s.electionId, ledger(s.electionId));

        assertThat(v.problems()).singleElement().satisfies(p -> assertThat(p)
                .contains("certified results differ"));
    }

    @Test
    void deletingAnEntryIsDetected() {
        Scenario s = eventfulElection();
        sql("DELETE FROM ledger_entry WHERE election_id = $1 AND sequence = 3", Tuple.of(s.electionId));

        Verification v = LedgerVerifier.verify(s.electionId, ledger(s.electionId));

        assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("expected sequence 3"));
        assertThat(v.problems()).anySatisfy(p -> assertThat(p).contains("previous_hash"));
    }

    @Test
    void insertingAnEntryIsDetected() {
        Scenario s = eventfulElection();
        List<LedgerEntry> entries = ledger(s.electionId);
        LedgerEntry last = entries.get(entries.size() - 1);
        LedgerRecord forged = parse(entries.get(2)).toBuilder().setSequence(last.getSequence() + 1).build();
        byte[] payload = forged.toByteArray();
        String wellChained = LedgerHash.next(last.getEntryHash(), payload);
        insert(s.electionId, last.getSequence() + 1, last.getEntryHash(), wellChained, forged.getKindValue(), payload);
        insert(s.electionId, last.getSequence() + 2, "0".repeat(64), "f".repeat(64), forged.getKindValue(), payload);

        Verification v = LedgerVerifier.verify(s.electionId, ledger(s.electionId));

        assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("entry " + (last.getSequence() + 1)));
        assertThat(v.problems()).anySatisfy(p -> assertThat(p).startsWith("entry " + (last.getSequence() + 2)
                + ": previous_hash"));
        assertThat(v.headSequence()).isNotEqualTo(head(s.electionId).getSequence());
    }

    @Test
    void theHeadIsSignedWithTheKeyTheTallyPublishesAndEarlierKeysArePublishedToo() {
        Scenario s = eventfulElection();
        KeySet keys = tally().getLedgerKeySet(GetLedgerKeySetRequest.getDefaultInstance()).getKeySet();

        SignedHead.Check check = SignedHead.check(head(s.electionId), PublishedKeys.of(keys));

        assertThat(check.problem()).isNull();
        assertThat(check.head().keyId()).isEqualTo(keys.getCurrentKeyId()).isEqualTo(keys.getKeys(0).getKeyId());
        assertThat(check.head().statement().getElectionId()).isEqualTo(s.electionId);
        assertThat(keys.getKeysList()).as("the current key and the earlier one of the test configuration").hasSize(2);
        assertThat(keys.getKeys(1).getRetireTime().getSeconds())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z").getEpochSecond());
    }

    @Test
    void aCopyOfTheStreamCarriesItsSignedHeadAndVerifiesWithTheKeySetAlone() {
        Scenario s = eventfulElection();
        List<StreamLedgerResponse> copy = new ArrayList<>();
        tally().streamLedger(StreamLedgerRequest.newBuilder().setElectionId(s.electionId).build())
                .forEachRemaining(copy::add);

        Verification v = verifyCopy(s.electionId, copy);

        assertThat(v.problems()).isEmpty();
        assertThat(v.signedHeads()).singleElement().satisfies(h -> assertThat(h.statement().getSequence())
                .isEqualTo(copy.get(copy.size() - 1).getEntry().getSequence()));
        assertThat(copy.stream().filter(StreamLedgerResponse::hasSignedHead)).hasSize(1);
    }

    @Test
    void aTamperedSignedHeadIsDetectedByTheVerifier() {
        Scenario s = eventfulElection();
        LedgerHead signed = head(s.electionId);
        List<LedgerEntry> entries = ledger(s.electionId);

        for (LedgerHead tampered : List.of(signed.toBuilder().setSequence(signed.getSequence() - 1).build(),
                signed.toBuilder().setEntryHash(entries.get(0).getEntryHash()).build(),
                signed.toBuilder().setSignedStatement(signed.getSignedStatement().toBuilder()
                        .setSignature(flipped(signed.getSignedStatement().getSignature()))).build())) {
            LedgerVerifier verifier = new LedgerVerifier(s.electionId, ledgerKeys());
            verifier.acceptSignedHead(tampered);
            entries.forEach(verifier::accept);

            assertThat(verifier.result().problems()).as(tampered.toString()).isNotEmpty();
            assertThat(verifier.result().signedHeads()).isEmpty();
        }
    }

    @Test
    void rewritingTheWholeChainIsCaughtByTheHeadTheTallySignedBefore() {
        Scenario s = eventfulElection();
        LedgerHead signedBefore = head(s.electionId);
        List<LedgerEntry> entries = ledger(s.electionId);
        LedgerRecord record = parse(entries.get(1));
        List<LedgerEntry> forged = new ArrayList<>(entries);
        forged.set(1, entries.get(1).toBuilder().setPayload(record.toBuilder().setProtocol(record.getProtocol()
                .toBuilder().setSubmittedBy("forger")).build().toByteString()).build());
        rechain(s.electionId, forged);

        LedgerVerifier verifier = new LedgerVerifier(s.electionId, ledgerKeys());
        verifier.acceptSignedHead(signedBefore);
        ledger(s.electionId).forEach(verifier::accept);

        assertThat(verifier.result().problems()).singleElement().satisfies(p -> assertThat(p)
                .startsWith("entry " + signedBefore.getSequence() + ": entry_hash")
                .contains("is not the hash the tally signed (" + signedBefore.getEntryHash() + ")"));
    }

    @Test
    void theCertificationIsSignedInItsAnswerAndInTheStream() {
        Scenario s = eventfulElection();
        LedgerHead certified = tally().certifyResults(io.electa.tally.v1.CertifyResultsRequest.newBuilder()
                .setElectionId(s.electionId).setRequestId(requestId()).build()).getLedgerHead();
        List<StreamLedgerResponse> copy = new ArrayList<>();
        tally().streamLedger(StreamLedgerRequest.newBuilder().setElectionId(s.electionId).build())
                .forEachRemaining(copy::add);

        SignedHead.Check answer = SignedHead.check(certified, ledgerKeys());
        Verification v = verifyCopy(s.electionId, copy);

        assertThat(answer.problem()).isNull();
        assertThat(answer.head().statement().getCertified()).isTrue();
        assertThat(v.problems()).isEmpty();
        StreamLedgerResponse last = copy.get(copy.size() - 1);
        assertThat(last.getEntry().getKind()).isEqualTo(LedgerEntryKind.LEDGER_ENTRY_KIND_RESULTS_CERTIFIED);
        assertThat(last.getSignedHead().getEntryHash()).isEqualTo(certified.getEntryHash());
        assertThat(v.signedHeads()).allSatisfy(h -> assertThat(h.statement().getCertified()).isTrue());
    }

    private static Verification verifyCopy(String electionId, List<StreamLedgerResponse> copy) {
        LedgerVerifier verifier = new LedgerVerifier(electionId, ledgerKeys());
        for (StreamLedgerResponse message : copy) {
            verifier.accept(message.getEntry());
            if (message.hasSignedHead()) {
                verifier.acceptSignedHead(message.getSignedHead());
            }
        }
        return verifier.result();
    }

    private static PublishedKeys ledgerKeys() {
        return PublishedKeys.of(tally().getLedgerKeySet(GetLedgerKeySetRequest.getDefaultInstance()).getKeySet());
    }

    private static ByteString flipped(ByteString bytes) {
        byte[] copy = bytes.toByteArray();
        copy[0] ^= 1;
        return ByteString.copyFrom(copy);
    }

    /** Candidates, an accepted protocol, a quarantined one accepted on review, a correction, a third protocol. */
    private Scenario eventfulElection() {
        Scenario s = counting(2, 1);
        Protocol first = submit(s.electionId, "D1-S1", earlyOnly(11, 1, 5, 3, 1));
        Protocol quarantined = submit(s.electionId, "D2-S1", earlyOnly(40, 0, 2, 2, 2));
        tally().acceptProtocol(AcceptProtocolRequest.newBuilder().setElectionId(s.electionId)
                .setProtocolId(quarantined.getProtocolId()).setJustification("supplementary list of 28 voters")
                .setRequestId(requestId()).build());
        tally().correctProtocol(CorrectProtocolRequest.newBuilder().setElectionId(s.electionId)
                .setSupersedesProtocolId(first.getProtocolId()).setFigures(earlyOnly(11, 2, 4, 3, 1))
                .setReason("recount").setRequestId(requestId()).build());
        return s;
    }

    private static List<LedgerEntry> ledger(String electionId) {
        List<LedgerEntry> entries = new ArrayList<>();
        tally().streamLedger(StreamLedgerRequest.newBuilder().setElectionId(electionId).build())
                .forEachRemaining(r -> entries.add(r.getEntry()));
        return entries;
    }

    private static LedgerHead head(String electionId) {
        return tally().getLedgerHead(GetLedgerHeadRequest.newBuilder().setElectionId(electionId).build()).getHead();
    }

    private static void assertSameTotals(Tally.Sums sums, Results published) {
        assertThat(sums.registered()).isEqualTo(published.getVotersRegistered());
        assertThat(sums.issued()).isEqualTo(published.getBallotsIssued());
        assertThat(sums.found()).isEqualTo(published.getBallotsFound());
        assertThat(sums.valid()).isEqualTo(published.getBallotsValid());
        assertThat(sums.invalid()).isEqualTo(published.getBallotsInvalid());
        assertThat(sums.reported()).isEqualTo(published.getStationsReported());
        assertThat(sums.votes()).containsExactlyElementsOf(published.getCandidatesList().stream()
                .map(c -> c.getVotes()).toList());
    }

    private void rechain(String electionId, List<LedgerEntry> entries) {
        String previous = LedgerHash.GENESIS;
        for (LedgerEntry e : entries) {
            String hash = LedgerHash.next(previous, e.getPayload().toByteArray());
            sql("UPDATE ledger_entry SET payload = $3, previous_hash = $4, entry_hash = $5"
                    + " WHERE election_id = $1 AND sequence = $2", Tuple.from(List.of(electionId, e.getSequence(),
                            Buffer.buffer(e.getPayload().toByteArray()), previous, hash)));
            previous = hash;
        }
    }

    private void insert(String electionId, long sequence, String previous, String hash, int kind, byte[] payload) {
        sql("INSERT INTO ledger_entry (election_id, sequence, previous_hash, entry_hash, kind, payload, record_time)"
                + " VALUES ($1, $2, $3, $4, $5, $6, now())", Tuple.from(List.of(electionId, sequence, previous, hash,
                        (short) kind, Buffer.buffer(payload))));
    }

    private void sql(String sql, Tuple args) {
        pool.preparedQuery(sql).execute(args).await().atMost(Duration.ofSeconds(10));
    }

    private static LedgerRecord parse(LedgerEntry entry) {
        try {
            return LedgerRecord.parseFrom(entry.getPayload());
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
