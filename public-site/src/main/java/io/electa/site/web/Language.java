package io.electa.site.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import java.util.Locale;
import java.util.Optional;

/**
 * The visitor's language: the commission's (Azerbaijani, {@code az}) or English. Chosen with
 * {@code ?lang=} (then remembered in a cookie), else the cookie, else the browser's preference.
 */
public final class Language {
    public static final String COMMISSION = "az";
    public static final String EN = "en";
    static final String COOKIE = "lang";

    private Language() {
    }

    /** The language to answer in. */
    public static String of(String asked, HttpHeaders headers) {
        if (supported(asked)) {
            return asked;
        }
        var cookie = headers.getCookies().get(COOKIE);
        if (cookie != null && supported(cookie.getValue())) {
            return cookie.getValue();
        }
        for (Locale preferred : headers.getAcceptableLanguages()) {
            if (supported(preferred.getLanguage())) {
                return preferred.getLanguage();
            }
        }
        return COMMISSION;
    }

    /** The cookie that remembers a language asked for with ?lang=, if one was. */
    static Optional<NewCookie> remember(String asked) {
        return supported(asked) ? Optional.of(new NewCookie.Builder(COOKIE).value(asked).path("/")
                .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build()) : Optional.empty();
    }

    private static boolean supported(String lang) {
        return COMMISSION.equals(lang) || EN.equals(lang);
    }
}
