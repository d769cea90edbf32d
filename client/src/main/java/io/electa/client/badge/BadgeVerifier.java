package io.electa.client.badge;

import com.google.protobuf.InvalidProtocolBufferException;
import io.electa.observer.v1.BadgePayload;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Checks an observer's badge offline, as a polling-station commission does at the door: the QR
 * text "EB1." + base64url(payload) + "." + base64url(signature) is verified with the published
 * Ed25519 key (pure Ed25519, RFC 8032) over the exact payload bytes, then the payload is read and
 * its expiry checked. Revocation cannot be seen offline: that needs the observer service's
 * VerifyBadge.
 */
public final class BadgeVerifier {
    /** The prefix of a badge's QR text (format version 1). */
    public static final String QR_PREFIX = "EB1.";
    private static final byte[] ED25519_X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private final PublicKey key;

    /** A verifier with the published key, given as its raw 32 bytes (SigningKey.public_key). */
    public static BadgeVerifier ofRawKey(byte[] rawPublicKey) {
        if (rawPublicKey.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, not " + rawPublicKey.length);
        }
        byte[] x509 = new byte[ED25519_X509_PREFIX.length + 32];
        System.arraycopy(ED25519_X509_PREFIX, 0, x509, 0, ED25519_X509_PREFIX.length);
        System.arraycopy(rawPublicKey, 0, x509, ED25519_X509_PREFIX.length, 32);
        return ofX509(x509);
    }

    /** A verifier with the published key, given as a PEM "PUBLIC KEY" block (SigningKey.public_key_pem). */
    public static BadgeVerifier ofPem(String pem) {
        String base64 = pem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                .replaceAll("\\s", "");
        try {
            return ofX509(Base64.getDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM public key: " + e.getMessage(), e);
        }
    }

    private static BadgeVerifier ofX509(byte[] x509) {
        try {
            return new BadgeVerifier(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509)));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key: " + e.getMessage(), e);
        }
    }

    private BadgeVerifier(PublicKey key) {
        this.key = key;
    }

    /** The verdict on a badge: its payload when the signature holds, and whether it has expired at {@code now}. */
    public record Check(Verdict verdict, Optional<BadgePayload> payload, String explanation) {
        public boolean valid() {
            return verdict == Verdict.VALID;
        }
    }

    /** What an offline check can tell. */
    public enum Verdict { VALID, EXPIRED, FORGED, MALFORMED }

    /** Checks {@code qrText} at {@code now}. */
    public Check check(String qrText, Instant now) {
        String text = qrText.strip();
        if (!text.startsWith(QR_PREFIX)) {
            return malformed("it does not start with " + QR_PREFIX);
        }
        String[] parts = text.substring(QR_PREFIX.length()).split("\\.", -1);
        if (parts.length != 2) {
            return malformed("it is not " + QR_PREFIX + "<payload>.<signature>");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getUrlDecoder().decode(parts[0]);
            signature = Base64.getUrlDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            return malformed("not base64url: " + e.getMessage());
        }
        if (!signedByKey(payload, signature)) {
            return new Check(Verdict.FORGED, Optional.empty(), "the signature does not verify with this key");
        }
        BadgePayload badge;
        try {
            badge = BadgePayload.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            return malformed("signed, but the payload is not a BadgePayload");
        }
        Instant validUntil = Instant.ofEpochSecond(badge.getValidUntil().getSeconds(), badge.getValidUntil().getNanos());
        if (!now.isBefore(validUntil)) {
            return new Check(Verdict.EXPIRED, Optional.of(badge), "expired at " + validUntil);
        }
        return new Check(Verdict.VALID, Optional.of(badge), "signed by key " + badge.getKeyId() + ", valid until "
                + validUntil);
    }

    private boolean signedByKey(byte[] payload, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(payload);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Check malformed(String why) {
        return new Check(Verdict.MALFORMED, Optional.empty(), "not a badge: " + why);
    }
}
