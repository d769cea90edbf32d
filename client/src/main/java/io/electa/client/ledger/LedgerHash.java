package io.electa.client.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The chain rule of the public ledger: {@code entry_hash = lower_hex(SHA-256(prev || payload))},
 * where {@code prev} is the 32 raw bytes of the previous entry's hash (32 zero bytes before the
 * first entry) and {@code payload} the entry's stored bytes.
 */
public final class LedgerHash {
    /** previous_hash of sequence 1. */
    public static final String GENESIS = "0".repeat(64);
    private static final HexFormat HEX = HexFormat.of();

    private LedgerHash() {
    }

    /** The hash of an entry with {@code payload} that follows an entry hashed {@code previousHash}. */
    public static String next(String previousHash, byte[] payload) {
        MessageDigest sha256 = sha256();
        sha256.update(HEX.parseHex(previousHash));
        sha256.update(payload);
        return HEX.formatHex(sha256.digest());
    }

    /** Whether {@code hash} is 64 lower-case hex characters. */
    public static boolean isWellFormed(String hash) {
        return hash != null && hash.length() == 64 && hash.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
