package io.electa.cli;

import io.electa.client.auth.BearerToken;
import io.electa.client.auth.LocalTokenKeys;
import io.electa.client.auth.SigningCaller;
import io.grpc.ClientInterceptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Who the command line acts as. A bearer token from the commission's identity provider: the flag
 * --token, the variable ELECTA_TOKEN, or a file (--token-file, ELECTA_TOKEN_FILE). Without one, a
 * local run's signing key (made by `electa up` in its data folder, or --signing-keys): whoever
 * holds it acts as whatever each request needs, so it exists only on the machine of a local run.
 * Without either, only the public RPCs answer.
 */
public final class Credentials {
    @Option(names = "--token", scope = ScopeType.INHERIT, paramLabel = "JWT", defaultValue = "${env:ELECTA_TOKEN}",
            description = "The bearer token to present (default: $ELECTA_TOKEN).")
    String token;

    @Option(names = "--token-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            defaultValue = "${env:ELECTA_TOKEN_FILE}",
            description = "A file holding the bearer token (default: $ELECTA_TOKEN_FILE).")
    Path tokenFile;

    @Option(names = "--signing-keys", scope = ScopeType.INHERIT, paramLabel = "DIR",
            defaultValue = "${env:ELECTA_SIGNING_KEYS}",
            description = "Without a token: the folder of a local run's token signing key (default: "
                    + "$ELECTA_SIGNING_KEYS, else keys/ in the local data folder, when it exists there).")
    Path signingKeys;

    /** The interceptor that makes every call carry the caller's token; null for none (public RPCs only). */
    ClientInterceptor interceptor(Path localKeys) {
        String bearer = bearer();
        if (bearer != null) {
            return new BearerToken(bearer);
        }
        Path keys = signingKeys != null ? signingKeys : localKeys;
        if (Files.exists(keys.resolve(LocalTokenKeys.FILE))) {
            return new SigningCaller(LocalTokenKeys.in(keys).signer(LocalTokenKeys.LOCAL_ISSUER),
                    "local:" + System.getProperty("user.name"));
        }
        return null;
    }

    private String bearer() {
        if (token != null && !token.isBlank()) {
            return token.strip();
        }
        if (tokenFile != null) {
            try {
                return Files.readString(tokenFile).strip();
            } catch (IOException e) {
                throw new Failures.UsageFailure("cannot read the token file " + tokenFile + ": " + e.getMessage());
            }
        }
        return null;
    }
}
