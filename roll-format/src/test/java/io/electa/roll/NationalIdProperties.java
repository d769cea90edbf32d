package io.electa.roll;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class NationalIdProperties {

    @Property
    void everyIssuedIdIsValidAndKeepsItsPayload(@ForAll @IntRange(min = 0, max = 999_999_999) int payload) {
        String id = NationalId.of(payload);

        assertThat(id).hasSize(10);
        assertThat(NationalId.isValid(id)).isTrue();
        assertThat(NationalId.payload(id)).isEqualTo(payload);
    }

    @Property
    void anySingleMistypedDigitIsDetected(@ForAll @IntRange(min = 0, max = 999_999_999) int payload,
            @ForAll @IntRange(min = 0, max = 9) int position, @ForAll @IntRange(min = 1, max = 9) int shift) {
        char[] digits = NationalId.of(payload).toCharArray();
        digits[position] = (char) ('0' + (digits[position] - '0' + shift) % 10);

        assertThat(NationalId.isValid(new String(digits))).isFalse();
    }

    @Example
    void wrongLengthAndNonDigitsAreInvalid() {
        assertThat(NationalId.isValid("")).isFalse();
        assertThat(NationalId.isValid(null)).isFalse();
        assertThat(NationalId.isValid(NationalId.of(1) + "0")).isFalse();
        assertThat(NationalId.isValid("12345678a0")).isFalse();
        assertThat(NationalId.isValid("１２３４５６７８９０")).isFalse();
    }
}
