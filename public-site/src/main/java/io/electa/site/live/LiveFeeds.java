package io.electa.site.live;

import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.tally.v1.TallyServiceGrpc;
import io.grpc.Channel;
import io.quarkus.grpc.GrpcClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The live feeds of this server, one per election, opened when the election is first shown. */
@ApplicationScoped
public class LiveFeeds {
    private final TallyServiceGrpc.TallyServiceStub tally;
    private final RegistryServiceGrpc.RegistryServiceStub registry;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "live-feed-retry");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, LiveFeed> feeds = new ConcurrentHashMap<>();

    public LiveFeeds(@GrpcClient("tally") Channel tally, @GrpcClient("registry") Channel registry) {
        this.tally = TallyServiceGrpc.newStub(tally);
        this.registry = RegistryServiceGrpc.newStub(registry);
    }

    /** The election's feed, opened on first use (call it only for an election the registry knows). */
    public LiveFeed feed(String electionId) {
        return feeds.computeIfAbsent(electionId, id -> {
            LiveFeed feed = new LiveFeed(id, tally, registry, retries);
            feed.open();
            return feed;
        });
    }

    @PreDestroy
    void close() {
        feeds.values().forEach(LiveFeed::close);
        retries.shutdownNow();
    }
}
