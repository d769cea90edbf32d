package io.electa.client.auth;

import io.electa.client.signing.JoseEdDsa;
import io.electa.common.v1.Role;
import java.security.PrivateKey;
import java.time.Duration;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * Signs bearer tokens (JWT, EdDSA) for local runs, tests and the demo, with the claims the
 * services read (access.proto): sub, iss, iat, exp, groups (roles), station_code, district_code,
 * accreditation_id. In production the commission's identity provider issues them instead.
 */
public final class TokenSigner {
    static {
        JoseEdDsa.install();
    }

    private final PrivateKey key;
    private final String keyId;
    private final String issuer;

    public TokenSigner(PrivateKey key, String keyId, String issuer) {
        this.key = key;
        this.keyId = keyId;
        this.issuer = issuer;
    }

    /** A token for {@code subject} with {@code grant}, valid from now for {@code ttl}. */
    public String issue(String subject, Grant grant, Duration ttl) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject(subject);
        claims.setIssuer(issuer);
        claims.setIssuedAtToNow();
        NumericDate expiry = NumericDate.now();
        expiry.addSeconds(ttl.toSeconds());
        claims.setExpirationTime(expiry);
        claims.setStringListClaim("groups", grant.roles().stream().map(Role::name).sorted().toList());
        putIfSet(claims, "station_code", grant.station());
        putIfSet(claims, "district_code", grant.district());
        putIfSet(claims, "accreditation_id", grant.accreditation());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a token with key " + keyId, e);
        }
    }

    public String issuer() {
        return issuer;
    }

    private static void putIfSet(JwtClaims claims, String name, String value) {
        if (value != null) {
            claims.setClaim(name, value);
        }
    }
}
