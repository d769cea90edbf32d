package io.electa.support.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.electa.client.signing.Ed25519;
import io.electa.common.v1.KeySet;
import io.electa.common.v1.PublishedKey;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KeyRingTest {
    private static final Instant JAN = Instant.parse("2027-01-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2027-03-01T00:00:00Z");
    private static final Instant APR = Instant.parse("2027-04-01T00:00:00Z");

    @Test
    void configuredKeySignsAndPublishesItsOwnPublicKey() throws Exception {
        KeyPair pair = pair();

        KeyRing ring = KeyRing.load(settings(pkcs8(pair), null, null, true));
        byte[] signature = ring.sign("badge".getBytes());

        assertThat(ring.current().keyId()).isEqualTo(Ed25519.keyId(Ed25519.raw(pair.getPublic())));
        assertThat(Ed25519.verifies(pair.getPublic(), "badge".getBytes(), signature)).isTrue();
        assertThat(Ed25519.verifies(Ed25519.ofPem(ring.current().pem()), "badge".getBytes(), signature)).isTrue();
    }

    @Test
    void sameConfiguredKeyGivesTheSameKeyIdAcrossRestarts() throws Exception {
        String key = pkcs8(pair());

        assertThat(KeyRing.load(settings(key, null, null, true)).current().keyId())
                .isEqualTo(KeyRing.load(settings(key, null, null, true)).current().keyId());
    }

    @Test
    void withoutConfiguredKeyAKeyIsGeneratedOutsideProduction() {
        assertThat(KeyRing.load(settings(null, null, null, false)).current().rawPublicKey()).hasSize(32);
    }

    @Test
    void withoutConfiguredKeyProductionDoesNotStartAndNamesTheVariable() {
        assertThatThrownBy(() -> KeyRing.load(settings(" ", null, null, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ELECTA_TEST_SIGNING_KEY");
    }

    @Test
    void malformedKeyStopsTheStartAndNamesTheProperty() {
        assertThatThrownBy(() -> KeyRing.load(settings("bm90IGEga2V5", null, null, true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("electa.test.signing-key");
    }

    @Test
    void earlierKeysArePublishedAfterTheCurrentOneWithTheirValidityAndCompromise() throws Exception {
        KeyPair january = pair();
        KeyPair march = pair();
        String earlier = base64Raw(january) + ";activated=" + JAN + ";retired=" + MAR + ";compromised=" + MAR
                + " ,\n " + base64X509(march) + ";retired=" + APR;

        KeyRing ring = KeyRing.load(settings(pkcs8(pair()), APR.toString(), earlier, true));
        KeySet published = KeySetMessages.keySet(ring);

        assertThat(published.getCurrentKeyId()).isEqualTo(ring.current().keyId());
        assertThat(published.getKeysList()).extracting(PublishedKey::getKeyId).containsExactly(
                ring.current().keyId(), Ed25519.keyId(Ed25519.raw(march.getPublic())),
                Ed25519.keyId(Ed25519.raw(january.getPublic())));
        PublishedKey current = published.getKeys(0);
        assertThat(current.getActivateTime().getSeconds()).isEqualTo(APR.getEpochSecond());
        assertThat(current.hasRetireTime()).isFalse();
        PublishedKey oldest = published.getKeys(2);
        assertThat(oldest.getActivateTime().getSeconds()).isEqualTo(JAN.getEpochSecond());
        assertThat(oldest.getRetireTime().getSeconds()).isEqualTo(MAR.getEpochSecond());
        assertThat(oldest.getCompromiseTime().getSeconds()).isEqualTo(MAR.getEpochSecond());
        assertThat(published.getKeys(1).hasActivateTime()).isFalse();
        assertThat(published.getKeys(1).hasCompromiseTime()).isFalse();
        assertThat(ring.find(oldest.getKeyId())).isPresent();
    }

    @Test
    void anEarlierKeyWithoutRetirementIsRefused() throws Exception {
        assertThatThrownBy(() -> KeyRing.load(settings(pkcs8(pair()), null, base64Raw(pair()) + ";activated=" + JAN,
                true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("electa.test.earlier-keys")
                .hasMessageContaining("earlier key 1: retired= is required");
    }

    @Test
    void theCurrentKeyListedAgainAsEarlierIsRefused() throws Exception {
        KeyPair pair = pair();
        assertThatThrownBy(() -> KeyRing.load(settings(pkcs8(pair), null, base64Raw(pair) + ";retired=" + MAR,
                true)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("listed twice");
    }

    @Test
    void aMalformedEarlierKeyOrTimeIsRefusedWithItsNumber() throws Exception {
        String good = base64Raw(pair()) + ";retired=" + MAR;
        assertThatThrownBy(() -> KeyRing.load(settings(pkcs8(pair()), null, good + ",bm90;retired=" + MAR, true)))
                .hasMessageContaining("earlier key 2");
        assertThatThrownBy(() -> KeyRing.load(settings(pkcs8(pair()), null, base64Raw(pair()) + ";retired=March",
                true)))
                .hasMessageContaining("earlier key 1: retired is not an ISO-8601 instant");
        assertThatThrownBy(() -> KeyRing.load(settings(pkcs8(pair()), "soon", null, true)))
                .hasMessageContaining("electa.test.signing-key-activated");
    }

    private static KeyRingSettings settings(String key, String activated, String earlier, boolean required) {
        return new KeyRingSettings("electa.test", "ELECTA_TEST", Optional.ofNullable(key), Optional.ofNullable(activated),
                Optional.ofNullable(earlier), required);
    }

    private static KeyPair pair() throws Exception {
        return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    private static String pkcs8(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    private static String base64Raw(KeyPair pair) {
        return Base64.getEncoder().encodeToString(Ed25519.raw(pair.getPublic()));
    }

    private static String base64X509(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
    }
}
