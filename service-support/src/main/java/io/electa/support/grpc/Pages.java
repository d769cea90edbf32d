package io.electa.support.grpc;

import io.electa.support.domain.Page;
import io.electa.support.domain.Violations;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** page_size and page_token: sizes 1..1000 (0 means 100), tokens opaque to clients. */
public final class Pages {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;
    private static final String PREFIX = "after:";

    private Pages() {
    }

    public static int size(int pageSize, Violations violations) {
        violations.check(pageSize >= 0 && pageSize <= MAX_SIZE, "page_size", "must be 0 (default 100) to " + MAX_SIZE);
        return pageSize == 0 ? DEFAULT_SIZE : pageSize;
    }

    /** The key after which the page starts; "" for the first page. */
    public static String afterKey(String pageToken, Violations violations) {
        if (pageToken.isEmpty()) {
            return "";
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(pageToken), StandardCharsets.UTF_8);
            violations.check(decoded.startsWith(PREFIX), "page_token", "is not a token this service issued");
            return decoded.startsWith(PREFIX) ? decoded.substring(PREFIX.length()) : "";
        } catch (IllegalArgumentException e) {
            violations.check(false, "page_token", "is not a token this service issued");
            return "";
        }
    }

    public static String nextToken(Page<?> page) {
        if (page.nextAfterKey() == null) {
            return "";
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + page.nextAfterKey()).getBytes(StandardCharsets.UTF_8));
    }
}
