package io.electa.client.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * The token signing key of a local run (`electa up`, the demo, tests): an Ed25519 key pair made on
 * first use and kept as a private JWK in one file of a local data folder (never committed), so
 * that every process of the run signs and trusts the same key. The services are given only the
 * public half ({@link #publicKeys()}, a JWK set).
 */
public final class LocalTokenKeys {
    /** The file holding the key pair in the folder. */
    public static final String FILE = "token-signing.jwk";
    /** The issuer local runs sign as, and the services' default. */
    public static final String LOCAL_ISSUER = "electa-local";

    private final PublicJsonWebKey key;

    private LocalTokenKeys(PublicJsonWebKey key) {
        this.key = key;
    }

    /** The key pair in {@code folder}, made there first if absent (safe when several processes race). */
    public static LocalTokenKeys in(Path folder) {
        Path file = folder.resolve(FILE);
        try {
            if (!Files.exists(file)) {
                create(folder, file);
            }
            return new LocalTokenKeys(PublicJsonWebKey.Factory.newPublicJwk(
                    Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or make the token signing key in " + folder, e);
        } catch (JoseException e) {
            throw new IllegalStateException(file + " is not a private JWK: delete it to make a new key", e);
        }
    }

    /** A signer with this key for tokens of {@code issuer}. */
    public TokenSigner signer(String issuer) {
        return new TokenSigner(key.getPrivateKey(), key.getKeyId(), issuer);
    }

    /** The public key as a JWK set, for the services' ELECTA_TOKEN_KEYS. */
    public String publicKeys() {
        return "{\"keys\":[" + key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY) + "]}";
    }

    /**
     * Writes the public keys ({@link #publicKeys()}) to {@code file} at once (readers never see half
     * of it), for services that read them from a location; this key pair.
     */
    public LocalTokenKeys publishedIn(Path file) {
        try {
            Path draft = draftIn(file.getParent(), publicKeys());
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot publish the token keys in " + file, e);
        }
    }

    private static void create(Path folder, Path file) throws IOException {
        Files.createDirectories(folder);
        Path draft = draftIn(folder, generate());
        try {
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            Files.deleteIfExists(draft);
        }
    }

    /** A new file in {@code folder} holding {@code text}, readable by its owner only. */
    private static Path draftIn(Path folder, String text) throws IOException {
        Path draft = Files.createTempFile(folder, FILE, ".new");
        try {
            Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the folder's own permissions apply.
        }
        Files.writeString(draft, text, StandardCharsets.UTF_8);
        return draft;
    }

    private static String generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setPrivateKey(pair.getPrivate());
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(pair.getPublic().getEncoded());
            jwk.setKeyId(HexFormat.of().formatHex(digest, 0, 8));
            return jwk.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException("cannot make an Ed25519 key", e);
        }
    }
}
