package io.electa.client.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Provider;
import java.security.Security;
import java.security.Signature;
import org.junit.jupiter.api.Test;

/**
 * Electa's signatures come from BouncyCastle's EdDSA engines alone, registered last: the JDK's
 * providers still answer for every algorithm asked for without a provider.
 */
class BouncyCastleEdDsaTest {

    @Test
    void ed25519SignaturesAreBouncyCastlesAndOnlyItsEdDsaEnginesAreRegistered() {
        Signature signature = Ed25519.newSignature();

        assertThat(signature.getProvider().getName()).isEqualTo(BouncyCastleEdDsa.NAME);
        assertThat(BouncyCastle.PROVIDER.getServices()).extracting(Provider.Service::getAlgorithm)
                .containsExactlyInAnyOrder("Ed25519", "EdDSA");
    }

    @Test
    void itIsRegisteredLastSoTheJdkKeepsTheDefaults() throws Exception {
        Provider ours = BouncyCastle.PROVIDER;
        Provider[] all = Security.getProviders();

        assertThat(all[all.length - 1]).isSameAs(ours);
        assertThat(Signature.getInstance("Ed25519").getProvider().getName()).isEqualTo("SunEC");
        assertThat(Signature.getInstance("EdDSA").getProvider().getName()).isEqualTo("SunEC");
    }
}
