package io.electa.site.web;

import io.electa.site.upstream.Upstream;
import io.electa.tally.v1.ExportFormat;
import io.electa.tally.v1.ExportHeader;
import io.electa.tally.v1.ExportResultsResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.util.Iterator;

/** "Verify it yourself": the ledger's head, the exports for download, the commands that re-derive the figures. */
@Path("/elections/{election}")
public class VerifyResource {
    private final Rendering rendering;
    private final Upstream upstream;

    public VerifyResource(Rendering rendering, Upstream upstream) {
        this.rendering = rendering;
        this.upstream = upstream;
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

    /** The tally's export passed through as it streams, under the name and type the tally gives it. */
    private Response export(String election, ExportFormat format) {
        if (upstream.election(election).isEmpty()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        Iterator<ExportResultsResponse> parts = upstream.export(election, format);
        ExportHeader header = parts.next().getHeader();
        StreamingOutput body = out -> {
            while (parts.hasNext()) {
                parts.next().getChunk().writeTo(out);
            }
        };
        return Response.ok(body, header.getContentType())
                .header("Content-Disposition", "attachment; filename=\"" + header.getFileName() + "\"").build();
    }
}
