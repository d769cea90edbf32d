package io.electa.observer.badge;

import io.electa.support.domain.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.quarkus.runtime.Startup;
import org.jboss.logging.Logger;

/**
 * Signs badge credentials with the service's Ed25519 key (the JDK's own implementation). The key
 * comes from {@code electa.badge.signing-key} (PKCS#8, base64). Without it the service does not
 * start in production ({@code electa.badge.require-key}); in development and tests a key is
 * generated at start, whose credentials stop verifying after a restart.
 */
@Startup
@ApplicationScoped
public class BadgeSigner {
    private static final Logger LOG = Logger.getLogger(BadgeSigner.class);
    private static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final SigningKey current;

    public BadgeSigner(@ConfigProperty(name = "electa.badge.signing-key") Optional<String> configured,
            @ConfigProperty(name = "electa.badge.require-key") boolean required) {
        Optional<String> key = configured.filter(s -> !s.isBlank());
        if (key.isEmpty() && required) {
            throw new IllegalStateException("no badge signing key: set ELECTA_BADGE_SIGNING_KEY to a base64 PKCS#8"
                    + " Ed25519 private key (e.g. openssl genpkey -algorithm ed25519 -outform DER | base64 -w0);"
                    + " without it badges signed now would stop verifying after a restart");
        }
        KeyPair pair = key.map(BadgeSigner::load).orElseGet(BadgeSigner::generate);
        this.privateKey = pair.getPrivate();
        this.current = SigningKey.of(pair.getPublic(), Clock.now());
        LOG.infof("badge signing key %s", current.keyId());
    }

    /** The key that signs now. */
    public SigningKey current() {
        return current;
    }

    /** The pure Ed25519 signature (64 bytes) of {@code payload}. */
    public byte[] sign(byte[] payload) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(payload);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a badge", e);
        }
    }

    private static KeyPair load(String base64Pkcs8) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64Pkcs8.strip())));
            byte[] seed = ((EdECPrivateKey) key).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the badge signing key has no private bytes"));
            return fromSeed(seed);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("electa.badge.signing-key is not a base64 PKCS#8 Ed25519 private key", e);
        }
    }

    private static KeyPair generate() {
        LOG.warn("no badge signing key configured (ELECTA_BADGE_SIGNING_KEY): using a generated key; "
                + "credentials will not verify after a restart");
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }

    /**
     * The key pair of a 32-byte private key (RFC 8032 seed). The JDK derives public keys only when
     * generating, and its generator takes the seed from the random source: so it is given the seed.
     */
    static KeyPair fromSeed(byte[] seed) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
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
