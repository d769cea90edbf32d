package io.electa.site.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The national page: live turnout, the results as protocols come in, the share of stations reported. */
@Path("/elections/{election}")
public class NationalResource {
    private final Rendering rendering;

    public NationalResource(Rendering rendering) {
        this.rendering = rendering;
    }

    @GET
    public Response national(@PathParam("election") String election, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return rendering.election(election, lang, headers, uri, Templates::national);
    }
}
