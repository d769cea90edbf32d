package io.electa.observer.badge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class BadgeNumbersProperties {

    @Property
    void generatedNumbersAreCanonical() {
        String badge = BadgeNumbers.generate();
        assertThat(badge).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
        assertThat(BadgeNumbers.normalise(badge)).isEqualTo(badge);
    }

    @Property
    void anyCaseWithOrWithoutDashNormalisesToTheSameNumber(@ForAll("compact") String compact) {
        String canonical = compact.substring(0, 5) + "-" + compact.substring(5);

        assertThat(BadgeNumbers.normalise(compact.toLowerCase(Locale.ROOT))).isEqualTo(canonical);
        assertThat(BadgeNumbers.normalise(canonical)).isEqualTo(canonical);
    }

    @Property
    void numbersWithLettersOutsideTheAlphabetAreRejected(@ForAll("compact") String compact,
            @ForAll("excluded") char letter) {
        assertThat(BadgeNumbers.normalise(letter + compact.substring(1))).isNull();
    }

    @Property
    void numbersOfAnotherLengthAreRejected(@ForAll("compact") String compact) {
        assertThat(BadgeNumbers.normalise(compact.substring(1))).isNull();
        assertThat(BadgeNumbers.normalise(compact + "0")).isNull();
    }

    @Provide
    Arbitrary<String> compact() {
        return Arbitraries.strings().withChars(BadgeNumbers.ALPHABET.toCharArray()).ofLength(10);
    }

    @Provide
    Arbitrary<Character> excluded() {
        return Arbitraries.of('I', 'L', 'O', 'U', 'i', '_', '*');
    }
}
