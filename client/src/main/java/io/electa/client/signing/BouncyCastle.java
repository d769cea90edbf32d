package io.electa.client.signing;

import java.security.Provider;
import java.security.Security;

/**
 * BouncyCastle's EdDSA signatures, for the Ed25519 signatures Electa computes ({@link Ed25519},
 * {@link JoseEdDsa}), as a provider of their own ({@link BouncyCastleEdDsa}) rather than the whole
 * BouncyCastleProvider, which registers hundreds of algorithms Electa never uses when it is
 * created (about 0.3 s of every service's start, on the main thread). Registered last among the
 * JVM's providers, by name, so that jose4j can ask for it; being last, it changes no other
 * algorithm's default implementation (TLS and the rest keep the JDK's).
 */
final class BouncyCastle {
    /** The provider, registered by this class's initialisation. */
    static final Provider PROVIDER = registered();

    private BouncyCastle() {
    }

    private static synchronized Provider registered() {
        Provider present = Security.getProvider(BouncyCastleEdDsa.NAME);
        if (present != null) {
            return present;
        }
        Provider provider = new BouncyCastleEdDsa();
        Security.addProvider(provider);
        return provider;
    }
}
