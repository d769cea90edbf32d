package io.electa.support.signing;

import io.electa.client.signing.Ed25519;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Ed25519 key pairs from a configured private key (PKCS#8, base64), or freshly generated. */
final class Ed25519KeyPairs {
    private Ed25519KeyPairs() {
    }

    /** The pair of a base64 PKCS#8 private key; IllegalArgumentException when it is not one. */
    static KeyPair ofPkcs8(String base64Pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance(Ed25519.ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64Pkcs8.strip())));
            byte[] seed = ((EdECPrivateKey) key).getBytes()
                    .orElseThrow(() -> new IllegalArgumentException("the key has no private bytes"));
            return fromSeed(seed);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(Ed25519.ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }

    /**
     * The key pair of a 32-byte private key (RFC 8032 seed). The JDK derives public keys only when
     * generating, and its generator takes the seed from the random source: so it is given the seed.
     */
    private static KeyPair fromSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(Ed25519.ALGORITHM);
        generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
        return generator.generateKeyPair();
    }

    /** A "random" source that yields one given seed. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
