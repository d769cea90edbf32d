package io.electa.support.signing;

import com.google.protobuf.ByteString;
import io.electa.client.signing.Ed25519;
import io.electa.common.v1.SignedStatement;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * A service's Ed25519 signing keys: the current private key, which signs, and the public parts of
 * the earlier keys with their validity, published together so that whatever was signed before a
 * rotation still verifies (electa/common/v1/signing.proto). Built from {@link KeyRingSettings}:
 * without a configured key the service does not start where one is required (production); in
 * development and tests a key is generated at start, whose signatures stop verifying after a
 * restart.
 */
public final class KeyRing {
    private static final Logger LOG = Logger.getLogger(KeyRing.class);

    private final PrivateKey privateKey;
    private final SigningKey current;
    private final List<SigningKey> keys;

    private KeyRing(PrivateKey privateKey, SigningKey current, List<SigningKey> earlier) {
        this.privateKey = privateKey;
        this.current = current;
        List<SigningKey> all = new ArrayList<>(List.of(current));
        earlier.stream().sorted(Comparator.comparing(SigningKey::retiredAt).reversed()).forEach(all::add);
        Set<String> ids = new HashSet<>();
        for (SigningKey key : all) {
            if (!ids.add(key.keyId())) {
                throw new IllegalArgumentException("key " + key.keyId() + " is listed twice (the current key and"
                        + " the earlier keys must all differ)");
            }
        }
        this.keys = List.copyOf(all);
    }

    /** The ring the settings describe; IllegalStateException naming the setting when one is wrong. */
    public static KeyRing load(KeyRingSettings settings) {
        Optional<String> configured = settings.signingKey().filter(s -> !s.isBlank());
        if (configured.isEmpty() && settings.required()) {
            throw new IllegalStateException("no signing key: set " + settings.variable("signing-key")
                    + " to a base64 PKCS#8 Ed25519 private key (e.g. openssl genpkey -algorithm ed25519 -outform DER"
                    + " | base64 -w0); without it what is signed now would stop verifying after a restart");
        }
        KeyPair pair;
        if (configured.isPresent()) {
            try {
                pair = Ed25519KeyPairs.ofPkcs8(configured.get());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(settings.property("signing-key")
                        + " is not a base64 PKCS#8 Ed25519 private key", e);
            }
        } else {
            LOG.warnf("no signing key configured (%s): using a generated key; what it signs will not verify"
                    + " after a restart", settings.variable("signing-key"));
            pair = Ed25519KeyPairs.generate();
        }
        try {
            KeyRing ring = new KeyRing(pair.getPrivate(),
                    SigningKey.current(pair.getPublic(), activated(settings)),
                    EarlierKeys.parse(settings.earlierKeys().orElse("")));
            LOG.infof("%s: signing key %s, %d earlier keys", settings.configPrefix(), ring.current.keyId(),
                    ring.keys.size() - 1);
            return ring;
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(settings.property("earlier-keys") + ": " + e.getMessage(), e);
        }
    }

    private static Instant activated(KeyRingSettings settings) {
        Optional<String> activated = settings.activated().filter(s -> !s.isBlank());
        try {
            return activated.map(s -> Instant.parse(s.strip())).orElse(null);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(settings.property("signing-key-activated")
                    + " is not an ISO-8601 instant such as 2027-03-01T00:00:00Z", e);
        }
    }

    /** The key that signs now. */
    public SigningKey current() {
        return current;
    }

    /** Every published key: the current one first, then the earlier ones, newest retirement first. */
    public List<SigningKey> keys() {
        return keys;
    }

    /** The published key {@code keyId}, current or earlier. */
    public Optional<SigningKey> find(String keyId) {
        return keys.stream().filter(key -> key.keyId().equals(keyId)).findFirst();
    }

    /** The pure Ed25519 signature (64 bytes) of {@code payload} by the current key. */
    public byte[] sign(byte[] payload) {
        return Ed25519.sign(privateKey, payload);
    }

    /** {@code statement} signed by the current key. */
    public SignedStatement signed(byte[] statement) {
        return SignedStatement.newBuilder()
                .setStatement(ByteString.copyFrom(statement))
                .setSignature(ByteString.copyFrom(sign(statement)))
                .setKeyId(current.keyId())
                .build();
    }
}
