package io.electa.client.signing;

import java.security.Provider;
import java.util.function.Supplier;
import org.bouncycastle.jcajce.provider.asymmetric.edec.SignatureSpi;

/**
 * A provider of BouncyCastle's EdDSA signature engines and nothing else: "Ed25519" (what
 * {@link Ed25519} asks for) and "EdDSA" (what jose4j asks for; it takes Ed25519 and Ed448 keys, as
 * with the full BouncyCastleProvider). The engines take the JDK's keys, so no key factory is
 * needed. They are created directly, not by reflection from a class name, so that the compiler
 * checks them.
 */
final class BouncyCastleEdDsa extends Provider {
    /** The name jose4j is given to find it by. */
    static final String NAME = "Electa-BC-EdDSA";
    private static final long serialVersionUID = 1L;

    BouncyCastleEdDsa() {
        super(NAME, "1.0", "BouncyCastle's EdDSA signatures (Ed25519, EdDSA) only");
        signature("Ed25519", SignatureSpi.Ed25519.class, SignatureSpi.Ed25519::new);
        signature("EdDSA", SignatureSpi.EdDSA.class, SignatureSpi.EdDSA::new);
    }

    private void signature(String algorithm, Class<? extends SignatureSpi> type, Supplier<SignatureSpi> engine) {
        putService(new Service(this, "Signature", algorithm, type.getName(), null, null) {
            @Override
            public Object newInstance(Object constructorParameter) {
                return engine.get();
            }
        });
    }
}
