package io.electa.tally.service;

import io.electa.tally.domain.StationDirectory;
import io.electa.tally.domain.TotalsSnapshot;
import io.electa.tally.repository.TotalsRepository;
import io.electa.tally.results.ResultsCalculator;
import io.electa.tally.v1.Candidate;
import io.electa.tally.v1.Results;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The district totals of each election that is being read, kept in memory and read again from the
 * database once per {@code electa.results.refresh-interval} by one refresher per election, so that
 * results are served without a database read and without waiting behind the count's statements.
 *
 * <p>A snapshot is one consistent read (the totals with the ledger sequence they reflect, as
 * {@link TotalsRepository#snapshot}); its figures are exactly the database's as of that sequence.
 * It is at most one interval plus one read old: an accepted protocol shows within that bound, on
 * every replica (each one reads the database; nothing is told in process). A snapshot older than
 * {@link #MAX_AGE_INTERVALS} intervals (a refresh failed or is stuck) is not served: the read waits
 * for a fresh one and fails like a database read does. An election not read for {@link #IDLE} is
 * forgotten; its next read goes to the database. Certified totals never change and are kept.
 * Callers that decide on the current figures (certification, exports) read the database
 * themselves, in their own transaction or statement.
 */
@ApplicationScoped
public class ResultsSnapshots {
    /** A snapshot this many intervals old is not served. */
    static final int MAX_AGE_INTERVALS = 10;
    /** An election not read for this long stops being refreshed. */
    static final Duration IDLE = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(ResultsSnapshots.class);

    private final CandidateService candidates;
    private final TotalsRepository totals;
    private final Pool pool;
    private final Vertx vertx;
    private final long intervalMillis;
    private final long maxAgeNanos;
    private final Map<String, Election> elections = new ConcurrentHashMap<>();

    public ResultsSnapshots(CandidateService candidates, TotalsRepository totals, Pool pool, Vertx vertx,
            @ConfigProperty(name = "electa.results.refresh-interval") Duration interval) {
        this.candidates = candidates;
        this.totals = totals;
        this.pool = pool;
        this.vertx = vertx;
        this.intervalMillis = Math.max(1, interval.toMillis());
        this.maxAgeNanos = Duration.ofMillis(intervalMillis * MAX_AGE_INTERVALS).toNanos();
    }

    /** The results of {@code districtCode} (the nation when null) from the election's newest snapshot. */
    public Uni<Results> results(String electionId, String districtCode, StationDirectory directory) {
        return current(electionId)
                .map(snapshot -> snapshot.results(districtCode, directory));
    }

    /** The election's newest snapshot; read from the database when there is none recent enough. */
    Uni<Snapshot> current(String electionId) {
        Election election = elections.computeIfAbsent(electionId, Election::new);
        return election.current();
    }

    /** The candidates and totals of one election as read at {@code readAt}, and the results built from them. */
    static final class Snapshot {
        private final String electionId;
        private final List<Candidate> candidates;
        private final TotalsSnapshot totals;
        private final Instant readAt;
        private final long readAtNanos;
        private final Map<String, Built> built = new ConcurrentHashMap<>();

        Snapshot(String electionId, List<Candidate> candidates, TotalsSnapshot totals, Instant readAt,
                long readAtNanos) {
            this.electionId = electionId;
            this.candidates = candidates;
            this.totals = totals;
            this.readAt = readAt;
            this.readAtNanos = readAtNanos;
        }

        long ledgerSequence() {
            return totals.ledgerSequence();
        }

        boolean certified() {
            return totals.certified();
        }

        /** Built once per scope and directory; as of the time the totals were read. */
        Results results(String districtCode, StationDirectory directory) {
            String scope = districtCode == null ? "" : districtCode;
            Built cached = built.get(scope);
            if (cached != null && cached.directory() == directory) {
                return cached.results();
            }
            Results results = ResultsCalculator.compute(electionId, districtCode, directory, candidates, totals,
                    readAt);
            built.put(scope, new Built(directory, results));
            return results;
        }
    }

    private record Built(StationDirectory directory, Results results) {
    }

    /** One election's newest snapshot, its refresher and the refresh in flight. */
    private final class Election {
        private final String electionId;
        private volatile Snapshot latest;
        private volatile long lastReadNanos = System.nanoTime();
        private Uni<Snapshot> inFlight;
        private long timer = -1;

        Election(String electionId) {
            this.electionId = electionId;
        }

        Uni<Snapshot> current() {
            long now = System.nanoTime();
            lastReadNanos = now;
            Snapshot snapshot = latest;
            if (snapshot != null && (snapshot.certified() || now - snapshot.readAtNanos <= maxAgeNanos)) {
                return Uni.createFrom().item(snapshot);
            }
            return refresh();
        }

        /** The refresh in flight, or a new one; the refresher starts with the first successful read. */
        private synchronized Uni<Snapshot> refresh() {
            if (inFlight == null) {
                inFlight = read()
                        .invoke(this::keep)
                        .onTermination().invoke(this::settled)
                        .memoize().indefinitely();
            }
            return inFlight;
        }

        private synchronized void settled() {
            inFlight = null;
        }

        private synchronized void keep(Snapshot snapshot) {
            Snapshot previous = latest;
            if (previous == null || previous.readAtNanos < snapshot.readAtNanos) {
                latest = snapshot;
            }
            if (timer < 0 && !snapshot.certified()) {
                timer = vertx.setPeriodic(intervalMillis, id -> tick());
            }
        }

        /** Refreshes unless a refresh is in flight; stops once certified or when nobody reads any more. */
        private void tick() {
            Snapshot snapshot = latest;
            boolean idle = System.nanoTime() - lastReadNanos > IDLE.toNanos();
            if ((snapshot != null && snapshot.certified()) || idle) {
                stop(idle);
                return;
            }
            synchronized (this) {
                if (inFlight != null) {
                    return;
                }
            }
            refresh().subscribe().with(ignored -> {
            }, failure -> LOG.debugf("results of election %s not refreshed: %s", electionId, failure));
        }

        private synchronized void stop(boolean forget) {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
            if (forget) {
                elections.remove(electionId, this);
            }
        }

        /**
         * Candidates first, then the totals with their sequence (a list changes only before any
         * protocol). The snapshot's age counts from before the read.
         */
        private Uni<Snapshot> read() {
            return Uni.createFrom().deferred(() -> {
                long started = System.nanoTime();
                return candidates.list(electionId)
                        .chain(list -> totals.snapshot(pool, electionId)
                                .map(t -> new Snapshot(electionId, list, t, Instant.now(), started)));
            });
        }
    }
}
