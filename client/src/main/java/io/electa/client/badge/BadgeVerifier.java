package io.electa.client.badge;

import com.google.protobuf.InvalidProtocolBufferException;
import io.electa.observer.v1.BadgePayload;
import io.electa.client.signing.Ed25519;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Base64;
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

    private final PublicKey key;

    /** A verifier with the published key, given as its raw 32 bytes (SigningKey.public_key). */
    public static BadgeVerifier ofRawKey(byte[] rawPublicKey) {
        return new BadgeVerifier(Ed25519.ofRaw(rawPublicKey));
    }

    /** A verifier with the published key, given as a PEM "PUBLIC KEY" block (SigningKey.public_key_pem). */
    public static BadgeVerifier ofPem(String pem) {
        return new BadgeVerifier(Ed25519.ofPem(pem));
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
        if (!Ed25519.verifies(key, payload, signature)) {
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

    private static Check malformed(String why) {
        return new Check(Verdict.MALFORMED, Optional.empty(), "not a badge: " + why);
    }
}
