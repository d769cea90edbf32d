package io.electa.client.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens and statements signed with BouncyCastle's Ed25519 are the same Ed25519 as everybody
 * else's: an identity provider's token signed by the JDK verifies, what we sign verifies with the
 * JDK, and a changed byte fails either way.
 */
class JoseEdDsaTest {
    private static final String CLAIMS = "{\"sub\":\"clerk\",\"station_code\":\"S-0001\"}";

    @BeforeAll
    static void install() {
        JoseEdDsa.install();
    }

    @Test
    void aTokenTheJdkSignedVerifiesThroughTheInstalledAlgorithm() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String header = base64("{\"alg\":\"EdDSA\"}");
        String body = base64(CLAIMS);
        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initSign(pair.getPrivate());
        jdk.update((header + "." + body).getBytes(StandardCharsets.US_ASCII));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(jdk.sign());

        assertThat(AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory()
                .getAlgorithm(AlgorithmIdentifiers.EDDSA)).isInstanceOf(JoseEdDsa.class);
        assertThat(verifies(header + "." + body + "." + signature, pair)).isTrue();
        String otherStation = base64(CLAIMS.replace("S-0001", "S-0002"));
        assertThat(verifies(header + "." + otherStation + "." + signature, pair)).isFalse();
    }

    @Test
    void whatItSignsVerifiesWithTheJdk() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        byte[] payload = CLAIMS.getBytes(StandardCharsets.UTF_8);
        byte[] signature = Ed25519.sign(pair.getPrivate(), payload);

        Signature jdk = Signature.getInstance("Ed25519", "SunEC");
        jdk.initVerify(pair.getPublic());
        jdk.update(payload);
        assertThat(jdk.verify(signature)).isTrue();
        assertThat(Ed25519.verifies(pair.getPublic(), payload, signature)).isTrue();
        byte[] changed = payload.clone();
        changed[3] ^= 1;
        assertThat(Ed25519.verifies(pair.getPublic(), changed, signature)).isFalse();
    }

    private static boolean verifies(String token, KeyPair pair) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                AlgorithmIdentifiers.EDDSA));
        jws.setCompactSerialization(token);
        jws.setKey(pair.getPublic());
        return jws.verifySignature();
    }

    private static String base64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
