package io.electa.client.signing;

import java.security.Provider;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * The BouncyCastle provider, for the Ed25519 signatures Electa computes ({@link Ed25519},
 * {@link JoseEdDsa}). Registered last among the JVM's providers, by name, so that jose4j can ask
 * for it; being last, it changes no other algorithm's default implementation (TLS and the rest
 * keep the JDK's).
 */
final class BouncyCastle {
    /** The provider, registered by this class's initialisation. */
    static final Provider PROVIDER = registered();

    private BouncyCastle() {
    }

    private static synchronized Provider registered() {
        Provider present = Security.getProvider(BouncyCastleProvider.PROVIDER_NAME);
        if (present != null) {
            return present;
        }
        Provider provider = new BouncyCastleProvider();
        Security.addProvider(provider);
        return provider;
    }
}
