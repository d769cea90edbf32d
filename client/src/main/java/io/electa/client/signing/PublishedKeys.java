package io.electa.client.signing;

import com.google.protobuf.Timestamp;
import io.electa.common.v1.KeySet;
import io.electa.common.v1.PublishedKey;
import io.electa.common.v1.SignedStatement;
import java.security.PublicKey;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A service's published key set (electa.common.v1.KeySet), to check what it signed as
 * electa/common/v1/signing.proto says: the key the signature names must be listed and be the key
 * its id says, the signature must hold over the bytes as received, and the statement's sign time
 * must lie in the key's validity, before any compromise.
 */
public final class PublishedKeys {
    private final Map<String, PublishedKey> byId = new LinkedHashMap<>();

    private PublishedKeys(KeySet set) {
        set.getKeysList().forEach(key -> byId.put(key.getKeyId(), key));
    }

    public static PublishedKeys of(KeySet set) {
        return new PublishedKeys(set);
    }

    /**
     * Why {@code signed}, whose statement states {@code signTime}, is not to be trusted; null when
     * it is.
     */
    public String problem(SignedStatement signed, Instant signTime) {
        String keyId = signed.getKeyId();
        PublishedKey key = byId.get(keyId);
        if (key == null) {
            return "signed by key " + keyId + ", which the published key set does not list";
        }
        byte[] raw = key.getPublicKey().toByteArray();
        if (!Ed25519.ALGORITHM.equals(key.getAlgorithm()) || raw.length != Ed25519.RAW_KEY_LENGTH
                || !Ed25519.keyId(raw).equals(keyId)) {
            return "published key " + keyId + " is not the Ed25519 key its id names";
        }
        PublicKey publicKey;
        try {
            publicKey = Ed25519.ofRaw(raw);
        } catch (IllegalArgumentException e) {
            return "published key " + keyId + " is not an Ed25519 public key";
        }
        if (!Ed25519.verifies(publicKey, signed.getStatement().toByteArray(), signed.getSignature().toByteArray())) {
            return "the signature does not verify with key " + keyId;
        }
        if (key.hasActivateTime() && signTime.isBefore(instant(key.getActivateTime()))) {
            return "signed at " + signTime + " by key " + keyId + ", before it was activated ("
                    + instant(key.getActivateTime()) + ")";
        }
        if (key.hasRetireTime() && !signTime.isBefore(instant(key.getRetireTime()))) {
            return "signed at " + signTime + " by key " + keyId + ", after it was retired ("
                    + instant(key.getRetireTime()) + ")";
        }
        if (key.hasCompromiseTime() && !signTime.isBefore(instant(key.getCompromiseTime()))) {
            return "signed at " + signTime + " by key " + keyId + ", which is compromised since "
                    + instant(key.getCompromiseTime());
        }
        return null;
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
