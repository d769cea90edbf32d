package io.electa.client.signing;

import java.security.Key;
import org.jose4j.jwa.AlgorithmFactoryFactory;
import org.jose4j.jwa.CryptoPrimitive;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jws.EdDsaAlgorithm;
import org.jose4j.lang.JoseException;

/**
 * jose4j's JWS algorithm "EdDSA" computed by BouncyCastle instead of the JDK (see {@link Ed25519}
 * for why). {@link #install()} replaces jose4j's own EdDSA for the whole JVM, so that tokens are
 * signed ({@code TokenSigner}) and verified (smallrye-jwt, which builds on jose4j and offers no
 * provider setting) by it. Same algorithm, same keys, same results: only faster.
 */
public final class JoseEdDsa extends EdDsaAlgorithm {
    private static final ProviderContext BOUNCY_CASTLE = bouncyCastle();
    private static volatile boolean installed;

    private JoseEdDsa() {
    }

    /** Makes jose4j compute EdDSA with BouncyCastle (idempotent). */
    public static synchronized void install() {
        if (!installed) {
            AlgorithmFactoryFactory.getInstance().getJwsAlgorithmFactory().registerAlgorithm(new JoseEdDsa());
            installed = true;
        }
    }

    @Override
    public boolean verifySignature(byte[] signature, Key key, byte[] securedInput, ProviderContext ignored)
            throws JoseException {
        return super.verifySignature(signature, key, securedInput, BOUNCY_CASTLE);
    }

    @Override
    public CryptoPrimitive prepareForSign(Key key, ProviderContext ignored) throws JoseException {
        return super.prepareForSign(key, BOUNCY_CASTLE);
    }

    private static ProviderContext bouncyCastle() {
        String registered = BouncyCastle.PROVIDER.getName();
        ProviderContext context = new ProviderContext();
        context.getSuppliedKeyProviderContext().setSignatureProvider(registered);
        context.getGeneralProviderContext().setSignatureProvider(registered);
        return context;
    }
}
