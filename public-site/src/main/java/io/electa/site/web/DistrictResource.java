package io.electa.site.web;

import io.electa.registry.v1.District;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The district table (searchable on the server, sortable in the browser) and a page per district. */
@Path("/elections/{election}/districts")
public class DistrictResource {
    private final Rendering rendering;

    public DistrictResource(Rendering rendering) {
        this.rendering = rendering;
    }

    @GET
    public Response districts(@PathParam("election") String election, @QueryParam("q") String q,
            @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
        return rendering.election(election, lang, headers, uri,
                (page, s) -> Templates.districts(page, s, Views.districts(s, q), q == null ? "" : q));
    }

    @GET
    @Path("/{district}")
    public Response district(@PathParam("election") String election, @PathParam("district") String code,
            @QueryParam("lang") String lang, @Context HttpHeaders headers, @Context UriInfo uri) {
        return rendering.election(election, lang, headers, uri, (p, s) -> {
            District district = s.districts().stream().filter(d -> d.getDistrictCode().equals(code)).findFirst()
                    .orElse(null);
            return district == null ? null
                    : Templates.district(p, s, district, s.districtResults().get(code), Views.stations(s, code));
        });
    }
}
