package io.electa.support.access;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Tokens verified recently, so that a clerk's hundredth call does not verify the signature of the
 * same token again: the caller a token string proved, kept until the token expires and for at
 * most {@link #KEEP} (so a key withdrawn from the identity provider's key set stops being trusted
 * within that time). Only tokens that verified are kept; the exact string is the key, so any
 * change to a token is verified afresh. Bounded: when full, it starts over.
 */
final class VerifiedTokens {
    static final Duration KEEP = Duration.ofMinutes(5);
    private static final int MAX = 50_000;

    private record Verified(Caller caller, Instant until) {
    }

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    /** Whether {@code token} verified recently and has not expired: {@link #caller} answers at once. */
    boolean remembers(String token) {
        Verified known = verified.get(token);
        return known != null && Instant.now().isBefore(known.until());
    }

    /** The caller {@code token} proves: remembered, or {@code verify}'s answer (which may throw). */
    Caller caller(String token, Function<String, Proof> verify) {
        Instant now = Instant.now();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.until())) {
            return known.caller();
        }
        Proof proof = verify.apply(token);
        if (verified.size() >= MAX) {
            verified.clear();
        }
        Instant keep = now.plus(KEEP);
        verified.put(token, new Verified(proof.caller(), proof.expires().isBefore(keep) ? proof.expires() : keep));
        return proof.caller();
    }

    /** What verifying a token proved: who calls, and until when the token is valid. */
    record Proof(Caller caller, Instant expires) {
    }
}
