package io.electa.site.snapshot;

import io.electa.registry.v1.District;
import io.electa.registry.v1.Election;
import io.electa.registry.v1.RollDigest;
import io.electa.registry.v1.Station;
import io.electa.registry.v1.StationRollDigest;
import io.electa.registry.v1.Turnout;
import io.electa.site.figures.Fingerprint;
import io.electa.site.figures.StationFigures;
import io.electa.site.flags.Flag;
import io.electa.site.flags.Flags;
import io.electa.site.live.LiveFeeds;
import io.electa.site.upstream.Upstream;
import io.electa.tally.v1.Protocol;
import io.electa.tally.v1.ProtocolStatus;
import io.electa.tally.v1.Results;
import io.electa.tally.v1.StationExclusion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cache between the visitors and the services: one snapshot per election, read again only
 * when the live feed shows that the figures moved (another ledger sequence, another turnout) and
 * the snapshot is older than {@code electa.site.refresh}. The observers' figures, which no feed
 * announces, are read with it and again on their own once older than
 * {@code electa.site.observation-refresh} (also after the observer service did not answer). One
 * visitor's request reads it; the others meanwhile get the snapshot before (or, for an election
 * not read yet, wait for the one read). So a million visitors cost the services one read per
 * change.
 */
@ApplicationScoped
public class Snapshots {
    private static final Pattern ELECTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private final Upstream upstream;
    private final LiveFeeds feeds;
    private final Flags flags;
    private final Duration refresh;
    private final Duration observationRefresh;
    private final Map<String, ElectionSnapshot> cache = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private volatile ElectionList elections;

    public Snapshots(Upstream upstream, LiveFeeds feeds, Flags flags,
            @ConfigProperty(name = "electa.site.refresh") Duration refresh,
            @ConfigProperty(name = "electa.site.observation-refresh") Duration observationRefresh) {
        this.upstream = upstream;
        this.feeds = feeds;
        this.flags = flags;
        this.refresh = refresh;
        this.observationRefresh = observationRefresh;
    }

    /** The elections the registry lists, read again at most once per refresh interval. */
    public List<Election> elections() {
        ElectionList cached = elections;
        if (cached == null || Duration.between(cached.readAt(), Instant.now()).compareTo(refresh) >= 0) {
            cached = new ElectionList(upstream.elections(), Instant.now());
            elections = cached;
        }
        return cached.elections();
    }

    private record ElectionList(List<Election> elections, Instant readAt) {
    }

    /**
     * The election's snapshot, or empty when the registry does not know the election (an id that
     * cannot be an election's, electa.common.v1's id rule, is not even asked about).
     */
    public Optional<ElectionSnapshot> of(String electionId) {
        if (!ELECTION_ID.matcher(electionId).matches()) {
            return Optional.empty();
        }
        ElectionSnapshot cached = cache.get(electionId);
        if (cached != null && current(cached)) {
            return Optional.of(cached);
        }
        ReentrantLock lock = locks.computeIfAbsent(electionId, id -> new ReentrantLock());
        if (cached != null && !lock.tryLock()) {
            return Optional.of(cached);
        }
        if (cached == null) {
            lock.lock();
        }
        try {
            cached = cache.get(electionId);
            if (cached != null && current(cached)) {
                return Optional.of(cached);
            }
            Optional<ElectionSnapshot> read = cached != null && figuresCurrent(cached)
                    ? Optional.of(cached.withObservation(observation(electionId)))
                    : upstream.election(electionId).map(this::read);
            read.ifPresentOrElse(snapshot -> cache.put(electionId, snapshot), () -> locks.remove(electionId));
            return read;
        } finally {
            lock.unlock();
        }
    }

    private boolean current(ElectionSnapshot snapshot) {
        return figuresCurrent(snapshot) && Duration.between(snapshot.observation().readAt(), Instant.now())
                .compareTo(observationRefresh) < 0;
    }

    private boolean figuresCurrent(ElectionSnapshot snapshot) {
        if (Duration.between(snapshot.readAt(), Instant.now()).compareTo(refresh) < 0) {
            return true;
        }
        return feeds.feed(snapshot.election().getElectionId()).unchangedSince(snapshot.national().getLedgerSequence(),
                snapshot.turnout().getVoted());
    }

    private ElectionSnapshot read(Election election) {
        String id = election.getElectionId();
        feeds.feed(id);
        Instant readAt = Instant.now();
        Results national = upstream.results(id, null);
        Turnout turnout = upstream.turnout(id);
        List<District> districts = upstream.districts(id);
        Map<String, Results> districtResults = new LinkedHashMap<>();
        for (District d : districts) {
            districtResults.put(d.getDistrictCode(), upstream.results(id, d.getDistrictCode()));
        }
        Map<String, Station> stations = upstream.stations(id).stream()
                .collect(Collectors.toMap(Station::getStationCode, s -> s, (a, b) -> a, TreeMap::new));
        Map<String, Turnout> stationTurnouts = upstream.stationTurnouts(id).stream()
                .collect(Collectors.toMap(Turnout::getStationCode, t -> t, (a, b) -> a));
        Optional<RollDigest> digest = upstream.rollDigest(id);
        Map<String, StationRollDigest> stationDigests = digest.map(d -> d.getStationsList().stream()
                .collect(Collectors.toMap(StationRollDigest::getStationCode, s -> s))).orElse(Map.of());
        Map<String, List<Protocol>> versions = upstream.protocols(id).stream()
                .collect(Collectors.groupingBy(Protocol::getStationCode, TreeMap::new, Collectors.toList()));
        Map<String, StationExclusion> exclusions = upstream.exclusions(id).stream()
                .collect(Collectors.toMap(StationExclusion::getStationCode, e -> e));
        List<StationFigures> counted = counted(versions, exclusions, ElectionSnapshot.winnerOf(national));
        Map<String, List<Flag>> flagged = flags.of(counted).stream()
                .collect(Collectors.groupingBy(Flag::stationCode, TreeMap::new, Collectors.toList()));
        return new ElectionSnapshot(election, national, turnout, districts, districtResults, stations,
                stationTurnouts, digest.map(RollDigest::getSha256), stationDigests, versions, exclusions, counted,
                flagged, Fingerprint.of(counted), upstream.ledgerHead(id), observation(id), readAt);
    }

    private Observation observation(String electionId) {
        Instant readAt = Instant.now();
        return upstream.observerStatistics(electionId).map(statistics -> Observation.published(statistics, readAt))
                .orElseGet(() -> Observation.unavailable(readAt));
    }

    /** The stations whose protocol counts, as the tally counts them: current version ACCEPTED, not excluded. */
    private static List<StationFigures> counted(Map<String, List<Protocol>> versions,
            Map<String, StationExclusion> exclusions, Optional<String> winner) {
        return versions.values().stream()
                .map(v -> v.get(v.size() - 1))
                .filter(p -> p.getStatus() == ProtocolStatus.PROTOCOL_STATUS_ACCEPTED)
                .filter(p -> !exclusions.containsKey(p.getStationCode()))
                .map(p -> StationFigures.of(p, winner.orElse("")))
                .toList();
    }
}
