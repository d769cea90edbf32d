package io.electa.support.signing;

import java.util.Optional;

/**
 * A service's signing configuration under one prefix, e.g. {@code electa.ledger} with environment
 * variables {@code ELECTA_LEDGER_*}: {@code signing-key} (the current private key, PKCS#8 DER,
 * base64), {@code signing-key-activated} (from when it signs, ISO-8601), {@code earlier-keys} (the
 * keys it replaced, see {@link EarlierKeys}) and {@code require-key} (true: no start without a
 * configured key).
 */
public record KeyRingSettings(String configPrefix, String envPrefix, Optional<String> signingKey,
        Optional<String> activated, Optional<String> earlierKeys, boolean required) {

    /** The full name of the property {@code name} (e.g. "signing-key"). */
    String property(String name) {
        return configPrefix + "." + name;
    }

    /** The environment variable that sets the property {@code name}. */
    String variable(String name) {
        return envPrefix + "_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }
}
