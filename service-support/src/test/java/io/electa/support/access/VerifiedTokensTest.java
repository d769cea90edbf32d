package io.electa.support.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.electa.common.v1.Role;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A token is verified once while it stays valid; an expired or refused one is verified every time. */
class VerifiedTokensTest {
    private final VerifiedTokens tokens = new VerifiedTokens();
    private final AtomicInteger verifications = new AtomicInteger();
    private final Caller clerk = new Caller("clerk-1", Set.of(Role.STATION_CLERK), "S1", null, null);

    @Test
    void aValidTokenIsVerifiedOnceAndNamesTheSameCaller() {
        for (int i = 0; i < 3; i++) {
            assertThat(tokens.caller("token-a", this::validForAnHour)).isEqualTo(clerk);
        }
        assertThat(verifications).hasValue(1);
        tokens.caller("token-b", this::validForAnHour);
        assertThat(verifications).as("another token string is verified afresh").hasValue(2);
    }

    @Test
    void aTokenPastItsExpiryIsVerifiedAgain() {
        tokens.caller("old", raw -> {
            verifications.incrementAndGet();
            return new VerifiedTokens.Proof(clerk, Instant.now().minusSeconds(1));
        });
        assertThatThrownBy(() -> tokens.caller("old", this::refuse)).hasMessageContaining("expired");
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> tokens.caller("forged", this::refuse)).hasMessageContaining("expired");
        }
        assertThat(verifications).hasValue(2);
    }

    private VerifiedTokens.Proof validForAnHour(String raw) {
        verifications.incrementAndGet();
        return new VerifiedTokens.Proof(clerk, Instant.now().plusSeconds(3600));
    }

    private VerifiedTokens.Proof refuse(String raw) {
        verifications.incrementAndGet();
        throw new IllegalStateException("the bearer token does not verify: it has expired");
    }
}
