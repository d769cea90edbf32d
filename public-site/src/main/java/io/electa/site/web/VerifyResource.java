package io.electa.site.web;

import io.electa.site.snapshot.Exports;
import io.electa.site.snapshot.Snapshots;
import io.electa.tally.v1.ExportFormat;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** "Verify it yourself": the ledger's head, the exports for download, the commands that re-derive the figures. */
@Path("/elections/{election}")
public class VerifyResource {
    private final Rendering rendering;
    private final Snapshots snapshots;
    private final Exports exports;

    public VerifyResource(Rendering rendering, Snapshots snapshots, Exports exports) {
        this.rendering = rendering;
        this.snapshots = snapshots;
        this.exports = exports;
    }

    @GET
    @Path("/verify")
    public Response verify(@PathParam("election") String election, @QueryParam("lang") String lang,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        return rendering.election(election, lang, headers, uri, Templates::verify);
    }

    @GET
    @Path("/results.csv")
    public Response csv(@PathParam("election") String election) {
        return export(election, ExportFormat.EXPORT_FORMAT_CSV);
    }

    @GET
    @Path("/results.json")
    public Response nist(@PathParam("election") String election) {
        return export(election, ExportFormat.EXPORT_FORMAT_NIST_SP_1500_100_V2_JSON);
    }

    /** The tally's export, under the name and type the tally gives it. */
    private Response export(String election, ExportFormat format) {
        return snapshots.of(election)
                .map(s -> exports.of(s, format))
                .map(e -> Response.ok(e.content(), e.header().getContentType())
                        .header("Content-Disposition", "attachment; filename=\"" + e.header().getFileName() + "\"")
                        .build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }
}
