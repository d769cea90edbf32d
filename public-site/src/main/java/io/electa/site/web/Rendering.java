package io.electa.site.web;

import io.electa.site.snapshot.ElectionSnapshot;
import io.electa.site.snapshot.Snapshots;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Locale;
import java.util.function.BiFunction;

/** How every page is answered: in the visitor's language, from the election's snapshot, 404 when unknown. */
@ApplicationScoped
public class Rendering {
    private final Snapshots snapshots;

    public Rendering(Snapshots snapshots) {
        this.snapshots = snapshots;
    }

    /** The election's page made by {@code page}, or the not-found page (also when {@code page} makes none). */
    public Response election(String electionId, String lang, HttpHeaders headers, UriInfo uri,
            BiFunction<Page, ElectionSnapshot, TemplateInstance> page) {
        String language = Language.of(lang, headers);
        return snapshots.of(electionId)
                .map(s -> page.apply(new Page(language, electionId, s.election().getName(), uri.getPath()), s))
                .map(instance -> answer(instance, language, lang, Response.Status.OK))
                .orElseGet(() -> notFound(language, lang, uri));
    }

    /** The not-found page. */
    public Response notFound(String language, String lang, UriInfo uri) {
        return answer(Templates.notFound(new Page(language, "", "", uri.getPath())), language, lang,
                Response.Status.NOT_FOUND);
    }

    /** A page in {@code language}, remembering a language asked for with ?lang=. */
    public Response answer(TemplateInstance page, String language, String asked, Response.Status status) {
        Response.ResponseBuilder response = Response.status(status)
                .entity(page.setLocale(Locale.forLanguageTag(language)).render())
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Language", language);
        Language.remember(asked).ifPresent(response::cookie);
        return response.build();
    }
}
