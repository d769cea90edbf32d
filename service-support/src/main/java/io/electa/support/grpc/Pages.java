package io.electa.support.grpc;

import io.electa.common.v1.FieldViolationReason;
import io.electa.support.domain.Page;
import io.electa.support.domain.PageKeys;
import io.electa.support.domain.Violations;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * page_size and page_token. The contract bounds both (electa.common.v1 page_size and page_token
 * rules); here a size becomes its default and a token its key.
 */
public final class Pages {
    public static final int DEFAULT_SIZE = 100;
    private static final String PREFIX = "after:";
    private static final String NOT_OURS = "is not a token this service issued";

    private Pages() {
    }

    /** The page size asked for: 0 means the default. */
    public static int size(int pageSize) {
        return pageSize == 0 ? DEFAULT_SIZE : pageSize;
    }

    /** The key after which the page starts; "" for the first page. */
    public static String afterKey(String pageToken, Violations violations) {
        if (pageToken.isEmpty()) {
            return "";
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            // A key never holds NUL, which PostgreSQL text cannot hold either.
            boolean ours = decoded.startsWith(PREFIX) && decoded.indexOf('\u0000') < 0;
            violations.check(ours, "page_token", FieldViolationReason.MALFORMED, NOT_OURS);
            return ours ? decoded.substring(PREFIX.length()) : "";
        } catch (IllegalArgumentException e) {
            violations.check(false, "page_token", FieldViolationReason.MALFORMED, NOT_OURS);
            return "";
        }
    }

    /**
     * The composite key of {@code parts} parts after which the page starts (see {@link PageKeys});
     * empty for the first page and for a token that is not such a key (then a violation).
     */
    public static List<String> afterKeys(String pageToken, int parts, Violations violations) {
        String after = afterKey(pageToken, violations);
        List<String> key = PageKeys.split(after, parts);
        violations.check(key != null, "page_token", FieldViolationReason.MALFORMED, NOT_OURS);
        return key == null ? List.of() : key;
    }

    public static String nextToken(Page<?> page) {
        if (page.nextAfterKey() == null) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + page.nextAfterKey()).getBytes(StandardCharsets.UTF_8));
    }
}
