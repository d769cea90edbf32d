package io.electa.site.live;

import io.electa.registry.v1.RegistryServiceGrpc;
import io.electa.registry.v1.Turnout;
import io.electa.registry.v1.WatchTurnoutRequest;
import io.electa.registry.v1.WatchTurnoutResponse;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.ResultsStatus;
import io.electa.tally.v1.TallyServiceGrpc;
import io.electa.tally.v1.WatchResultsRequest;
import io.electa.tally.v1.WatchResultsResponse;
import io.grpc.Context;
import io.grpc.stub.StreamObserver;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One election's live figures on this server: one WatchResults (the nation) on the tally and one
 * WatchTurnout (the nation) on the registry, however many visitors there are; each message is
 * fanned out to every visitor's event stream. A watch that fails or ends is opened again after a
 * pause (except once the results are certified: they no longer change).
 */
public final class LiveFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final Duration RETRY = Duration.ofSeconds(2);

    private final String electionId;
    private final TallyServiceGrpc.TallyServiceStub tally;
    private final RegistryServiceGrpc.RegistryServiceStub registry;
    private final ScheduledExecutorService retries;
    private final AtomicReference<Results> results = new AtomicReference<>();
    private final AtomicReference<Turnout> turnout = new AtomicReference<>();
    private final BroadcastProcessor<LiveFigures> visitors = BroadcastProcessor.create();
    private final Context.CancellableContext watching = Context.current().withCancellation();

    LiveFeed(String electionId, TallyServiceGrpc.TallyServiceStub tally,
            RegistryServiceGrpc.RegistryServiceStub registry, ScheduledExecutorService retries) {
        this.electionId = electionId;
        this.tally = tally;
        this.registry = registry;
        this.retries = retries;
    }

    void open() {
        watching.run(() -> {
            watchResults();
            watchTurnout();
        });
    }

    /** The figures now, then every change, for one visitor. */
    public Multi<LiveFigures> figures() {
        LiveFigures now = current();
        Multi<LiveFigures> changes = visitors.onOverflow().drop();
        return now == null ? changes : Multi.createBy().concatenating().streams(Multi.createFrom().item(now), changes);
    }

    /** Whether the figures are still those at {@code ledgerSequence} with {@code voted} voters marked. */
    public boolean unchangedSince(long ledgerSequence, long voted) {
        Results r = results.get();
        Turnout t = turnout.get();
        return r != null && t != null && r.getLedgerSequence() == ledgerSequence && t.getVoted() == voted;
    }

    @Override
    public void close() {
        watching.cancel(null);
        visitors.onComplete();
    }

    private LiveFigures current() {
        Results r = results.get();
        Turnout t = turnout.get();
        return r == null || t == null ? null : LiveFigures.of(r, t);
    }

    private void publish() {
        LiveFigures now = current();
        if (now != null) {
            visitors.onNext(now);
        }
    }

    private void watchResults() {
        tally.watchResults(WatchResultsRequest.newBuilder().setElectionId(electionId).build(),
                new Watch<WatchResultsResponse>(m -> results.set(m.getResults()), this::watchResults,
                        () -> results.get() != null
                                && results.get().getStatus() == ResultsStatus.RESULTS_STATUS_CERTIFIED));
    }

    private void watchTurnout() {
        registry.watchTurnout(WatchTurnoutRequest.newBuilder().setElectionId(electionId).build(),
                new Watch<WatchTurnoutResponse>(m -> turnout.set(m.getTurnout()), this::watchTurnout, () -> false));
    }

    /** One upstream watch: every message updates the figures and reaches the visitors; an end reopens it. */
    private final class Watch<T> implements StreamObserver<T> {
        private final Consumer<T> update;
        private final Runnable reopen;
        private final BooleanSupplier finished;

        Watch(Consumer<T> update, Runnable reopen, BooleanSupplier finished) {
            this.update = update;
            this.reopen = reopen;
            this.finished = finished;
        }

        @Override
        public void onNext(T message) {
            update.accept(message);
            publish();
        }

        @Override
        public void onError(Throwable t) {
            if (!watching.isCancelled()) {
                LOG.debugf("watch of %s ended (%s); opening it again in %s", electionId, t.getMessage(), RETRY);
                again();
            }
        }

        @Override
        public void onCompleted() {
            if (!watching.isCancelled() && !finished.getAsBoolean()) {
                again();
            }
        }

        private void again() {
            retries.schedule(() -> watching.run(reopen), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
