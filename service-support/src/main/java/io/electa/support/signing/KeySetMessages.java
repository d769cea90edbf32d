package io.electa.support.signing;

import com.google.protobuf.ByteString;
import io.electa.client.signing.Ed25519;
import io.electa.common.v1.KeySet;
import io.electa.common.v1.PublishedKey;
import io.electa.support.grpc.Timestamps;

/** A key ring as the contract publishes it (electa.common.v1.KeySet). */
public final class KeySetMessages {
    private KeySetMessages() {
    }

    public static KeySet keySet(KeyRing ring) {
        KeySet.Builder set = KeySet.newBuilder().setCurrentKeyId(ring.current().keyId());
        ring.keys().forEach(key -> set.addKeys(publishedKey(key)));
        return set.build();
    }

    public static PublishedKey publishedKey(SigningKey key) {
        PublishedKey.Builder published = PublishedKey.newBuilder()
                .setKeyId(key.keyId())
                .setAlgorithm(Ed25519.ALGORITHM)
                .setPublicKey(ByteString.copyFrom(key.rawPublicKey()))
                .setPublicKeyPem(key.pem());
        if (key.activatedAt() != null) {
            published.setActivateTime(Timestamps.toProto(key.activatedAt()));
        }
        if (key.retiredAt() != null) {
            published.setRetireTime(Timestamps.toProto(key.retiredAt()));
        }
        if (key.compromisedAt() != null) {
            published.setCompromiseTime(Timestamps.toProto(key.compromisedAt()));
        }
        return published.build();
    }
}
