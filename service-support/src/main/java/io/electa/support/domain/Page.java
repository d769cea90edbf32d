package io.electa.support.domain;

import java.util.List;

/** One page of a listing, and the key after which the next page starts (null on the last). */
public record Page<T>(List<T> items, String nextAfterKey) {

    /** Cuts {@code fetched} (asked for {@code size + 1} rows) into a page of {@code size}. */
    public static <T> Page<T> of(List<T> fetched, int size, java.util.function.Function<T, String> key) {
        if (fetched.size() <= size) {
            return new Page<>(fetched, null);
        }
        List<T> items = fetched.subList(0, size);
        return new Page<>(List.copyOf(items), key.apply(items.get(size - 1)));
    }
}
