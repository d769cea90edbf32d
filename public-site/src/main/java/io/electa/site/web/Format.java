package io.electa.site.web;

import com.google.protobuf.Timestamp;
import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the site writes figures, the same in the pages and in the live updates. */
@TemplateExtension(namespace = "fmt")
public final class Format {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** A count with thousands separated by a thin space, e.g. 6 537 (the same in every language). */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', '\u202f');
    }

    /** Bytes as base64, e.g. a signature. */
    public static String base64(com.google.protobuf.ByteString bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    /** A time in UTC to the second; "—" when unset. */
    public static String time(Timestamp t) {
        if (t == null || (t.getSeconds() == 0 && t.getNanos() == 0)) {
            return "—";
        }
        return TIME.format(Instant.ofEpochSecond(t.getSeconds(), t.getNanos()));
    }
}
