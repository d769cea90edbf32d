package io.electa.observer.badge;

import io.electa.support.signing.KeyRing;
import io.electa.support.signing.KeyRingSettings;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The observer service's badge-signing keys (Ed25519), from {@code electa.badge.*}: the current key
 * {@code signing-key} (PKCS#8, base64), from {@code signing-key-activated}, and the
 * {@code earlier-keys} it replaced. Without a key the service does not start in production
 * ({@code electa.badge.require-key}); see {@link KeyRing}.
 */
@Startup
@ApplicationScoped
public class BadgeSigner {
    private final KeyRing keys;

    public BadgeSigner(@ConfigProperty(name = "electa.badge.signing-key") Optional<String> signingKey,
            @ConfigProperty(name = "electa.badge.signing-key-activated") Optional<String> activated,
            @ConfigProperty(name = "electa.badge.earlier-keys") Optional<String> earlierKeys,
            @ConfigProperty(name = "electa.badge.require-key") boolean required) {
        this.keys = KeyRing.load(new KeyRingSettings("electa.badge", "ELECTA_BADGE", signingKey, activated,
                earlierKeys, required));
    }

    /** The current and earlier badge-signing keys. */
    public KeyRing keys() {
        return keys;
    }
}
