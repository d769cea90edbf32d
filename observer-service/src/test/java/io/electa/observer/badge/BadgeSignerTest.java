package io.electa.observer.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BadgeSignerTest {

    @Test
    void configuredKeySignsAndPublishesItsOwnPublicKey() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());

        BadgeSigner signer = new BadgeSigner(Optional.of(pkcs8), true);
        byte[] signature = signer.sign("badge".getBytes());

        assertThat(signer.current()).isEqualTo(signer.current());
        assertThat(signer.current().keyId()).isEqualTo(SigningKey.of(pair.getPublic(), null).keyId());
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update("badge".getBytes());
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void sameConfiguredKeyGivesTheSameKeyIdAcrossRestarts() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());

        assertThat(new BadgeSigner(Optional.of(pkcs8), true).current().keyId())
                .isEqualTo(new BadgeSigner(Optional.of(pkcs8), true).current().keyId());
    }

    @Test
    void withoutConfiguredKeyAKeyIsGeneratedOutsideProduction() {
        assertThat(new BadgeSigner(Optional.empty(), false).current().rawPublicKey()).hasSize(32);
    }

    @Test
    void withoutConfiguredKeyProductionDoesNotStart() {
        assertThatThrownBy(() -> new BadgeSigner(Optional.of(" "), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ELECTA_BADGE_SIGNING_KEY");
    }

    @Test
    void malformedKeyStopsTheStart() {
        assertThatThrownBy(() -> new BadgeSigner(Optional.of("bm90IGEga2V5"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("electa.badge.signing-key");
    }
}
