package io.electa.observer.badge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Badge numbers over generated inputs (QuickTheories: a failure reports the smallest failing
 * input and the seed; rerun it with {@code -DQT_SEED=<seed>}).
 */
class BadgeNumbersProperties {
    private static final int GENERATED = 1000;

    @Test
    void generatedNumbersAreCanonical() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < GENERATED; i++) {
            String badge = BadgeNumbers.generate();
            assertThat(badge).matches("[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}");
            assertThat(BadgeNumbers.normalise(badge)).isEqualTo(badge);
            seen.add(badge);
        }
        // 50 random bits: a repeat among a thousand numbers has a chance of about 4e-10.
        assertThat(seen).as("distinct numbers among %d generated", GENERATED).hasSize(GENERATED);
    }

    @Test
    void anyCaseWithOrWithoutDashNormalisesToTheSameNumber() {
        qt().forAll(compact()).checkAssert(compact -> {
            String canonical = compact.substring(0, 5) + "-" + compact.substring(5);

            assertThat(BadgeNumbers.normalise(compact.toLowerCase(Locale.ROOT))).isEqualTo(canonical);
            assertThat(BadgeNumbers.normalise(canonical)).isEqualTo(canonical);
        });
    }

    @Test
    void numbersWithLettersOutsideTheAlphabetAreRejected() {
        qt().forAll(compact(), excluded())
                .checkAssert((compact, letter) -> assertThat(BadgeNumbers.normalise(letter + compact.substring(1)))
                        .isNull());
    }

    @Test
    void numbersOfAnotherLengthAreRejected() {
        qt().forAll(compact()).checkAssert(compact -> {
            assertThat(BadgeNumbers.normalise(compact.substring(1))).isNull();
            assertThat(BadgeNumbers.normalise(compact + "0")).isNull();
        });
    }

    /** Ten characters of the badge alphabet, without the dash. */
    private static Gen<String> compact() {
        List<Character> alphabet = BadgeNumbers.ALPHABET.chars().mapToObj(c -> (char) c).toList();
        return lists().of(Generate.pick(alphabet)).ofSize(10)
                .map(chars -> chars.stream().map(String::valueOf).collect(Collectors.joining()));
    }

    private static Gen<Character> excluded() {
        return Generate.pick(List.of('I', 'L', 'O', 'U', 'i', '_', '*'));
    }
}
