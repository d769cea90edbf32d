package io.electa.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * Ed25519 signing keys for the services (the observer's badge key, the tally's ledger key) as
 * they take them: PKCS#8 DER, base64.
 */
public final class SigningKeys {
    private SigningKeys() {
    }

    /** A fresh key. */
    public static String generate() {
        return encoded(generatePair());
    }

    /** A fresh key pair. */
    public static KeyPair generatePair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is missing from this JVM", e);
        }
    }

    /** The pair's private key as the services take it. */
    public static String encoded(KeyPair pair) {
        return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
    }

    /**
     * The key in the environment variable {@code variable}, or else the one kept in {@code file}
     * (made there once, readable by its owner only).
     */
    public static String fromEnvironmentOrFile(String variable, Path file) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return given;
        }
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, generate());
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
