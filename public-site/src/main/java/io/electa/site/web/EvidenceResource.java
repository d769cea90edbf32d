package io.electa.site.web;

import io.electa.site.flags.FlagSettings;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The evidence drawn from the published figures: the election's fingerprint and the flagged stations. */
@Path("/elections/{election}")
public class EvidenceResource {
    private final Rendering rendering;
    private final FlagSettings flagSettings;

    public EvidenceResource(Rendering rendering, FlagSettings flagSettings) {
        this.rendering = rendering;
        this.flagSettings = flagSettings;
    }

    @GET
    @Path("/fingerprint")
    public Response fingerprint(@PathParam("election") String election, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return rendering.election(election, lang, headers, uri, (page, s) -> Templates.fingerprint(page, s,
                s.fingerprint()));
    }

    @GET
    @Path("/flags")
    public Response flags(@PathParam("election") String election, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return rendering.election(election, lang, headers, uri, (page, s) -> Templates.flags(page, s,
                Views.flags(s.allFlags(), flagSettings)));
    }
}
