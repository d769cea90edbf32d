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

/**
 * A station's page: its protocol with every earlier version, roll size and digest, turnout, flags,
 * and the observers' reports and incidents from it.
 */
@Path("/elections/{election}/stations/{station}")
public class StationResource {
    private final Rendering rendering;
    private final FlagSettings flagSettings;

    public StationResource(Rendering rendering, FlagSettings flagSettings) {
        this.rendering = rendering;
        this.flagSettings = flagSettings;
    }

    @GET
    public Response station(@PathParam("election") String election, @PathParam("station") String code,
            @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
        return rendering.election(election, lang, headers, uri, (page, s) -> Views.station(s, code, flagSettings)
                .map(view -> Templates.station(page, s, view)).orElse(null));
    }
}
