package io.electa.support.access;

import io.electa.client.signing.JoseEdDsa;
import io.electa.common.v1.ErrorReason;
import io.electa.common.v1.Role;
import io.electa.support.domain.UnauthenticatedException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonString;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;

/**
 * Verifies bearer tokens (JWT) with smallrye-jwt: signature by a configured public key (PEM, JWK
 * or JWK set; or fetched from a location such as an OIDC provider's JWKS endpoint), one of the
 * configured asymmetric algorithms only (never "none" or a shared secret), issuer, expiry. The
 * result is the {@link Caller}: subject, roles (names of electa.common.v1.Role in the roles claim,
 * others ignored) and the scope claims station_code, district_code and accreditation_id. A token
 * that verified is remembered until it expires, for at most five minutes ({@link VerifiedTokens}).
 */
@ApplicationScoped
public class TokenVerifier {
    static {
        JoseEdDsa.install();
    }

    private static final String BEARER = "bearer ";
    /** Longer authorization values are refused unread. */
    private static final int MAX_TOKEN = 8_192;
    /** The roles by name, as the roles claim spells them. */
    private static final Map<String, Role> ROLES = Stream.of(Role.values())
            .filter(role -> role != Role.UNRECOGNIZED && role != Role.ROLE_UNSPECIFIED)
            .collect(Collectors.toUnmodifiableMap(Role::name, role -> role));

    private final DefaultJWTParser parser;
    private final VerifiedTokens verified = new VerifiedTokens();

    public TokenVerifier(@ConfigProperty(name = "electa.auth.token-keys") Optional<String> keys,
            @ConfigProperty(name = "electa.auth.token-keys-location") Optional<String> keysLocation,
            @ConfigProperty(name = "electa.auth.issuer") String issuer,
            @ConfigProperty(name = "electa.auth.roles-claim", defaultValue = "groups") String rolesClaim,
            @ConfigProperty(name = "electa.auth.algorithms", defaultValue = "EdDSA,RS256,ES256") List<String> algorithms) {
        if (keys.filter(k -> !k.isBlank()).isEmpty() && keysLocation.filter(k -> !k.isBlank()).isEmpty()) {
            throw new IllegalStateException("no token verification key: set ELECTA_TOKEN_KEYS (a public key, PEM or"
                    + " JWK set) or ELECTA_TOKEN_KEYS_URL (e.g. the identity provider's JWKS endpoint)");
        }
        JWTAuthContextInfo info = new JWTAuthContextInfo();
        keys.filter(k -> !k.isBlank()).ifPresent(info::setPublicKeyContent);
        keysLocation.filter(k -> !k.isBlank()).ifPresent(info::setPublicKeyLocation);
        info.setIssuedBy(issuer);
        info.setGroupsPath(rolesClaim);
        info.setSignatureAlgorithm(signatureAlgorithms(algorithms));
        info.setRequireNamedPrincipal(true);
        this.parser = new DefaultJWTParser(info);
    }

    /** The caller named by an {@code authorization} metadata value; {@link Caller#ANONYMOUS} for none. */
    public Caller verify(String authorization) {
        if (authorization == null) {
            return Caller.ANONYMOUS;
        }
        if (authorization.length() > MAX_TOKEN
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw new UnauthenticatedException("the authorization metadata must be \"Bearer <token>\", at most "
                    + MAX_TOKEN + " characters", ErrorReason.TOKEN_INVALID);
        }
        return verified.caller(authorization.substring(BEARER.length()).trim(), this::prove);
    }

    /**
     * Whether {@link #verify} answers {@code authorization} without checking a signature: no
     * token, a malformed one, or one that verified recently.
     */
    public boolean answersAtOnce(String authorization) {
        if (authorization == null || authorization.length() > MAX_TOKEN
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return true;
        }
        return verified.remembers(authorization.substring(BEARER.length()).trim());
    }

    /** Verifies {@code raw} (signature, issuer, expiry, subject): who it names, and until when. */
    private VerifiedTokens.Proof prove(String raw) {
        JsonWebToken token;
        try {
            token = parser.parse(raw);
        } catch (ParseException e) {
            throw new UnauthenticatedException("the bearer token does not verify: " + why(e), ErrorReason.TOKEN_INVALID);
        }
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new UnauthenticatedException("the bearer token names no subject (sub)", ErrorReason.TOKEN_INVALID);
        }
        return new VerifiedTokens.Proof(new Caller(subject, rolesOf(token.getGroups()), claim(token, "station_code"),
                claim(token, "district_code"), claim(token, "accreditation_id")),
                Instant.ofEpochSecond(token.getExpirationTime()));
    }

    private static Set<Role> rolesOf(Set<String> groups) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : groups == null ? Set.<String>of() : groups) {
            Role role = ROLES.get(group);
            if (role != null) {
                roles.add(role);
            }
        }
        return roles;
    }

    private static String claim(JsonWebToken token, String name) {
        Object value = token.getClaim(name);
        if (value instanceof JsonString json) {
            return json.getString();
        }
        return value instanceof String text && !text.isEmpty() ? text : null;
    }

    /** Why a token failed, in words that name no part of it. */
    private static String why(ParseException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidJwtException invalid) {
                if (invalid.hasExpired()) {
                    return "it has expired";
                }
                if (invalid.hasErrorCode(ErrorCodes.ISSUER_INVALID) || invalid.hasErrorCode(ErrorCodes.ISSUER_MISSING)) {
                    return "it is not from the configured issuer";
                }
                if (invalid.hasErrorCode(ErrorCodes.SIGNATURE_INVALID) || invalid.hasErrorCode(ErrorCodes.SIGNATURE_MISSING)) {
                    return "its signature is not valid";
                }
                if (invalid.hasErrorCode(ErrorCodes.NOT_YET_VALID)) {
                    return "it is not valid yet";
                }
            }
        }
        return "it is malformed, unsigned, signed with an algorithm or key not accepted, or lacks a required claim"
                + " (sub, iss, exp, iat)";
    }

    private static Set<SignatureAlgorithm> signatureAlgorithms(List<String> names) {
        Set<SignatureAlgorithm> algorithms = EnumSet.noneOf(SignatureAlgorithm.class);
        for (String name : names) {
            SignatureAlgorithm algorithm = SignatureAlgorithm.fromAlgorithm(name.trim());
            if (algorithm.name().toUpperCase(Locale.ROOT).startsWith("HS")) {
                throw new IllegalStateException("token algorithm " + name + " uses a shared secret; only public-key"
                        + " algorithms are accepted");
            }
            algorithms.add(algorithm);
        }
        return algorithms;
    }
}
