package io.electa.testing;

import io.electa.client.signing.Ed25519;
import io.electa.local.SigningKeys;
import java.security.KeyPair;

/** The services' signing keys (Ed25519, PKCS#8, base64) for a test run: made once per run, never stored. */
public final class ServiceKeys {
    private static final KeyPair LEDGER_PAIR = SigningKeys.generatePair();
    /** The observer service's badge-signing key. */
    public static final String BADGE = SigningKeys.generate();
    /** The tally's ledger-signing key. */
    public static final String LEDGER = SigningKeys.encoded(LEDGER_PAIR);
    /** The id of the tally's ledger-signing key, as GetLedgerKeySet publishes it. */
    public static final String LEDGER_KEY_ID = Ed25519.keyId(Ed25519.raw(LEDGER_PAIR.getPublic()));

    private ServiceKeys() {
    }
}
