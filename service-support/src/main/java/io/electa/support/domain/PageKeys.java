package io.electa.support.domain;

import java.util.List;

/** Composite keyset-pagination keys, e.g. family name, given name and id in one page token. */
public final class PageKeys {
    private static final String SEPARATOR = "\u001f";

    private PageKeys() {
    }

    public static String join(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            key.append(i == 0 ? "" : SEPARATOR).append(parts[i]);
        }
        return key.toString();
    }

    /** The key's {@code count} parts; empty for an empty key; null when it is not such a key. */
    public static List<String> split(String key, int count) {
        if (key.isEmpty()) {
            return List.of();
        }
        List<String> parts = List.of(key.split(SEPARATOR, -1));
        return parts.size() == count ? parts : null;
    }
}
