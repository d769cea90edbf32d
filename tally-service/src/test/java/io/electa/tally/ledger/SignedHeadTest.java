package io.electa.tally.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.electa.client.ledger.SignedHead;
import io.electa.client.signing.Ed25519;
import io.electa.client.signing.PublishedKeys;
import io.electa.support.domain.Clock;
import io.electa.support.grpc.Timestamps;
import io.electa.support.signing.KeySetMessages;
import io.electa.tally.v1.LedgerHead;
import io.electa.tally.v1.LedgerHeadStatement;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Signed ledger heads between the tally's signer and the client's check, with real keys: a head
 * verifies with the published key set; any change to it is caught; after a rotation the heads the
 * earlier key signed still verify; a compromised key's later signatures do not.
 */
class SignedHeadTest {
    private static final Duration HOUR = Duration.ofHours(1);

    @Test
    void aSignedHeadVerifiesWithThePublishedKeySetAndNamesItsKey() throws Exception {
        LedgerSigner signer = signer(pair(), null);

        SignedHead.Check check = SignedHead.check(signer.signed(head(), false), published(signer));

        assertThat(check.problem()).isNull();
        assertThat(check.head().keyId()).isEqualTo(signer.keys().current().keyId());
        assertThat(check.head().statement().getSequence()).isEqualTo(42);
        assertThat(check.head().statement().getCertified()).isFalse();
    }

    @Test
    void aHeadWhoseSequenceOrHashWasChangedAfterSigningIsRefused() throws Exception {
        LedgerSigner signer = signer(pair(), null);
        LedgerHead signed = signer.signed(head(), false);

        LedgerHead later = signed.toBuilder().setSequence(43).build();
        LedgerHead rehashed = signed.toBuilder().setEntryHash("b".repeat(64)).build();

        assertThat(SignedHead.check(later, published(signer)).problem())
                .contains("shows entry 43", "the tally signed entry 42");
        assertThat(SignedHead.check(rehashed, published(signer)).problem())
                .contains("with hash " + "b".repeat(64), "the tally signed entry 42 with hash " + "a".repeat(64));
    }

    @Test
    void aHeadWhoseSignatureOrStatementBytesWereFlippedIsRefused() throws Exception {
        LedgerSigner signer = signer(pair(), null);
        LedgerHead signed = signer.signed(head(), false);
        byte[] signature = signed.getSignedStatement().getSignature().toByteArray();
        signature[10] ^= 1;
        LedgerHeadStatement statement = LedgerHeadStatement.parseFrom(signed.getSignedStatement().getStatement());
        byte[] restated = statement.toBuilder().setSequence(43).build().toByteArray();

        LedgerHead flipped = signed.toBuilder().setSignedStatement(signed.getSignedStatement().toBuilder()
                .setSignature(ByteString.copyFrom(signature))).build();
        LedgerHead forged = signed.toBuilder().setSequence(43).setSignedStatement(signed.getSignedStatement()
                .toBuilder().setStatement(ByteString.copyFrom(restated))).build();

        assertThat(SignedHead.check(flipped, published(signer)).problem())
                .contains("the signature does not verify with key " + signer.keys().current().keyId());
        assertThat(SignedHead.check(forged, published(signer)).problem())
                .contains("the signature does not verify");
    }

    @Test
    void anUnsignedHeadOrOneSignedByAnUnpublishedKeyIsRefused() throws Exception {
        LedgerSigner signer = signer(pair(), null);
        LedgerSigner stranger = signer(pair(), null);

        assertThat(SignedHead.check(head(), published(signer)).problem()).contains("is not signed");
        assertThat(SignedHead.check(stranger.signed(head(), false), published(signer)).problem())
                .contains("signed by key " + stranger.keys().current().keyId()
                        + ", which the published key set does not list");
    }

    @Test
    void aHeadSignedBeforeARotationStillVerifiesWithTheEarlierKeyPublished() throws Exception {
        KeyPair first = pair();
        LedgerHead signedBefore = signer(first, null).signed(head(), true);
        Instant rotation = Clock.now().plus(Duration.ofSeconds(1));

        LedgerSigner rotated = signer(pair(), earlier(first, "retired=" + rotation));
        SignedHead.Check check = SignedHead.check(signedBefore, published(rotated));

        assertThat(rotated.keys().current().keyId()).isNotEqualTo(check.head().keyId());
        assertThat(check.problem()).isNull();
        assertThat(check.head().keyId()).isEqualTo(Ed25519.keyId(Ed25519.raw(first.getPublic())));
        assertThat(check.head().statement().getCertified()).isTrue();
    }

    @Test
    void aHeadSignedAfterItsKeyRetiredOrBeforeItWasActivatedIsRefused() throws Exception {
        KeyPair first = pair();
        LedgerHead signed = signer(first, null).signed(head(), false);
        Instant signTime = Timestamps.fromProto(LedgerHeadStatement.parseFrom(
                signed.getSignedStatement().getStatement()).getSignTime());

        LedgerSigner retiredBefore = signer(pair(), earlier(first, "activated=" + signTime.minus(HOUR.multipliedBy(2))
                + ";retired=" + signTime.minus(HOUR)));
        LedgerSigner activatedAfter = signer(pair(), earlier(first, "activated=" + signTime.plus(HOUR)
                + ";retired=" + signTime.plus(HOUR.multipliedBy(2))));

        assertThat(SignedHead.check(signed, published(retiredBefore)).problem())
                .contains("signed at " + signTime, "after it was retired");
        assertThat(SignedHead.check(signed, published(activatedAfter)).problem())
                .contains("before it was activated");
    }

    @Test
    void aCompromisedKeyRefusesHeadsSignedAfterTheCompromiseButNotBefore() throws Exception {
        KeyPair leaked = pair();
        LedgerHead signed = signer(leaked, null).signed(head(), false);
        Instant signTime = Timestamps.fromProto(LedgerHeadStatement.parseFrom(
                signed.getSignedStatement().getStatement()).getSignTime());
        String retired = ";retired=" + signTime.plus(HOUR);

        LedgerSigner compromisedBefore = signer(pair(), earlier(leaked, "compromised=" + signTime.minusSeconds(1)
                + retired));
        LedgerSigner compromisedAfter = signer(pair(), earlier(leaked, "compromised=" + signTime.plusSeconds(1)
                + retired));

        assertThat(SignedHead.check(signed, published(compromisedBefore)).problem())
                .contains("which is compromised since " + signTime.minusSeconds(1));
        assertThat(SignedHead.check(signed, published(compromisedAfter)).problem()).isNull();
    }

    private static LedgerHead head() {
        return LedgerHead.newBuilder()
                .setElectionId("pres-2027")
                .setSequence(42)
                .setEntryHash("a".repeat(64))
                .setRecordTime(Timestamps.toProto(Clock.now().minusSeconds(5)))
                .build();
    }

    private static LedgerSigner signer(KeyPair current, String earlierKeys) {
        return new LedgerSigner(Optional.of(Base64.getEncoder().encodeToString(current.getPrivate().getEncoded())),
                Optional.empty(), Optional.ofNullable(earlierKeys), true);
    }

    private static String earlier(KeyPair pair, String fields) {
        return Base64.getEncoder().encodeToString(Ed25519.raw(pair.getPublic())) + ";" + fields;
    }

    private static PublishedKeys published(LedgerSigner signer) {
        return PublishedKeys.of(KeySetMessages.keySet(signer.keys()));
    }

    private static KeyPair pair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }
}
