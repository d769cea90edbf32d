package io.electa.site.web;

import io.electa.site.live.LiveFeeds;
import io.electa.site.live.LiveFigures;
import io.electa.site.snapshot.Snapshots;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestStreamElementType;

/**
 * The national figures as server-sent events: the figures now, then every change. Every visitor's
 * stream is fed from the server's one upstream watch of the election; knowing whether the
 * election exists costs no call either (the cached snapshot answers).
 */
@Path("/elections/{election}/live")
public class LiveResource {
    private final LiveFeeds feeds;
    private final Snapshots snapshots;

    public LiveResource(LiveFeeds feeds, Snapshots snapshots) {
        this.feeds = feeds;
        this.snapshots = snapshots;
    }

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<LiveFigures> live(@PathParam("election") String election) {
        if (snapshots.of(election).isEmpty()) {
            throw new NotFoundException();
        }
        return feeds.feed(election).figures();
    }
}
