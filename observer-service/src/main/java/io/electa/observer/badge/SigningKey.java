package io.electa.observer.badge;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** A published Ed25519 public key: raw 32 bytes, PEM, and its id (hex of SHA-256's first 8 bytes). */
public record SigningKey(String keyId, byte[] rawPublicKey, String pem, Instant activatedAt) {
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo; the raw key follows it. */
    static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    public static SigningKey of(PublicKey publicKey, Instant activatedAt) {
        byte[] x509 = publicKey.getEncoded();
        byte[] raw = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(x509)
                + "\n-----END PUBLIC KEY-----\n";
        return new SigningKey(keyIdOf(raw), raw, pem, activatedAt);
    }

    /** Lower-case hex of the first 8 bytes of SHA-256 over the raw public key. */
    public static String keyIdOf(byte[] rawPublicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(rawPublicKey);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
