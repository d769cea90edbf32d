package io.electa.testing;

import io.electa.client.auth.BearerToken;
import io.electa.client.auth.Grant;
import io.electa.client.auth.LocalTokenKeys;
import io.electa.client.auth.SigningCaller;
import io.electa.client.auth.TokenSigner;
import io.grpc.CallCredentials;
import io.grpc.Metadata;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;

/**
 * Bearer tokens for tests, signed with a key made once per machine user in the temporary folder
 * (never committed), whose public half the services under test trust: the Quarkus tests read it
 * from {@link #PUBLIC_KEYS} (application.properties, test profile), the packaged services get it
 * in ELECTA_TOKEN_KEYS ({@link #publicKeys()}).
 */
public final class TestTokens {
    public static final String ISSUER = LocalTokenKeys.LOCAL_ISSUER;
    /** Where the test key pair is kept (a local run's keys folder, as --signing-keys takes it). */
    public static final Path FOLDER = Path.of(System.getProperty("java.io.tmpdir"),
            "electa-test-tokens-" + System.getProperty("user.name"));
    /** The public keys as a JWK set file, for {@code electa.auth.token-keys-location}. */
    public static final Path PUBLIC_KEYS = FOLDER.resolve("public.jwks");

    private static final LocalTokenKeys KEYS = LocalTokenKeys.in(FOLDER).publishedIn(PUBLIC_KEYS);
    private static final TokenSigner SIGNER = KEYS.signer(ISSUER);
    /** The subject of the tokens {@link #acting()} and {@link #token(Grant)} sign. */
    public static final String SUBJECT = "test";
    private static final SigningCaller ACTING = new SigningCaller(SIGNER, SUBJECT);

    private TestTokens() {
    }

    /** The public keys as a JWK set, for the services' ELECTA_TOKEN_KEYS. */
    public static String publicKeys() {
        return KEYS.publicKeys();
    }

    /** A token of subject "test" granting {@code grant}, the same one for the same grant. */
    public static String token(Grant grant) {
        return ACTING.token(grant);
    }

    /**
     * For tests about what the services do rather than who may ask: every call signed for what
     * its request needs ({@link SigningCaller}).
     */
    public static SigningCaller acting() {
        return ACTING;
    }

    /** A token of {@code subject} granting {@code grant}, valid for {@code ttl} (negative: expired). */
    public static String token(String subject, Grant grant, Duration ttl) {
        return SIGNER.issue(subject, grant, ttl);
    }

    /** Call credentials presenting {@code token}. */
    public static CallCredentials bearer(String token) {
        return new BearerToken(token).credentials();
    }

    /** Call credentials that present no token at all. */
    public static CallCredentials none() {
        return new CallCredentials() {
            @Override
            public void applyRequestMetadata(RequestInfo info, Executor executor, MetadataApplier applier) {
                applier.apply(new Metadata());
            }
        };
    }

    /** Call credentials granting {@code grant}. */
    public static CallCredentials as(Grant grant) {
        return bearer(token(grant));
    }
}
