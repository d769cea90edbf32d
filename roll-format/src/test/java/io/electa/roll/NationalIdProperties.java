package io.electa.roll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * National IDs over generated payloads (QuickTheories: a failure reports the smallest failing
 * payload and the seed; rerun it with {@code -DQT_SEED=<seed>}).
 */
class NationalIdProperties {
    private static final Gen<Integer> PAYLOADS = integers().between(0, NationalId.MAX_PAYLOAD);

    @Test
    void everyIssuedIdIsValidAndKeepsItsPayload() {
        qt().forAll(PAYLOADS).checkAssert(payload -> {
            String id = NationalId.of(payload);

            assertThat(id).hasSize(10);
            assertThat(NationalId.isValid(id)).isTrue();
            assertThat(NationalId.payload(id)).isEqualTo(payload);
        });
    }

    @Test
    void anySingleMistypedDigitIsDetected() {
        qt().forAll(PAYLOADS, integers().between(0, 9), integers().between(1, 9))
                .checkAssert((payload, position, shift) -> {
                    char[] digits = NationalId.of(payload).toCharArray();
                    digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);

                    assertThat(NationalId.isValid(new String(digits))).isFalse();
                });
    }

    @Test
    void wrongLengthAndNonDigitsAreInvalid() {
        assertThat(NationalId.isValid("")).isFalse();
        assertThat(NationalId.isValid(null)).isFalse();
        assertThat(NationalId.isValid(NationalId.of(1) + "0")).isFalse();
        assertThat(NationalId.isValid("12345678a0")).isFalse();
        assertThat(NationalId.isValid("１２３４５６７８９０")).isFalse();
    }

    @Test
    void theSmallestAndLargestPayloadsRoundTripAndOthersAreRefused() {
        assertThat(NationalId.of(0)).isEqualTo("0000000000");
        assertThat(NationalId.payload(NationalId.of(NationalId.MAX_PAYLOAD))).isEqualTo(NationalId.MAX_PAYLOAD);
        assertThat(NationalId.isValid(NationalId.of(NationalId.MAX_PAYLOAD))).isTrue();
        assertThatThrownBy(() -> NationalId.of(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NationalId.of(NationalId.MAX_PAYLOAD + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
