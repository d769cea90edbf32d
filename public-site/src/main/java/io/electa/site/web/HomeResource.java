package io.electa.site.web;

import io.electa.registry.v1.Election;
import io.electa.site.snapshot.Snapshots;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The site's front door: the election it is set to show (ELECTA_SITE_ELECTION), else the list of elections. */
@Path("/")
public class HomeResource {
    private final Snapshots snapshots;
    private final Rendering rendering;
    private final Optional<String> election;

    public HomeResource(Snapshots snapshots, Rendering rendering,
            @ConfigProperty(name = "electa.site.election") Optional<String> election) {
        this.snapshots = snapshots;
        this.rendering = rendering;
        this.election = election;
    }

    @GET
    public Response home(@QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
        if (election.isPresent()) {
            return Response.seeOther(URI.create("/elections/" + election.get())).build();
        }
        String language = Language.of(lang, headers);
        List<Election> elections = snapshots.elections();
        return rendering.answer(Templates.home(new Page(language, "", "", uri.getPath()), elections), language, lang,
                Response.Status.OK);
    }
}
