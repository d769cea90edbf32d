package io.electa.support.signing;

import io.electa.client.signing.Ed25519;
import java.security.PublicKey;
import java.time.Instant;

/**
 * A published Ed25519 public key: raw 32 bytes, PEM, its id (hex of SHA-256's first 8 bytes) and
 * its validity: activated (null: no lower bound), retired (null: the current key), compromised
 * (null: not compromised).
 */
public record SigningKey(String keyId, byte[] rawPublicKey, String pem, Instant activatedAt, Instant retiredAt,
        Instant compromisedAt) {

    public static SigningKey of(PublicKey publicKey, Instant activatedAt, Instant retiredAt, Instant compromisedAt) {
        byte[] raw = Ed25519.raw(publicKey);
        return new SigningKey(Ed25519.keyId(raw), raw, Ed25519.pem(raw), activatedAt, retiredAt, compromisedAt);
    }

    /** The key that signs now, valid from {@code activatedAt} (null: no lower bound). */
    public static SigningKey current(PublicKey publicKey, Instant activatedAt) {
        return of(publicKey, activatedAt, null, null);
    }
}
