package io.electa.testing;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.util.Base64;

/** A badge signing key (Ed25519, PKCS#8, base64) made once per test run, never stored. */
final class BadgeKeys {
    static final String TEST_KEY = make();

    private BadgeKeys() {
    }

    private static String make() {
        try {
            return Base64.getEncoder().encodeToString(
                    KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }
}
