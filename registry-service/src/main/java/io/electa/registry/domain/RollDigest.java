package io.electa.registry.domain;

import java.time.Instant;
import java.util.List;

/** The published digest of a frozen roll: per station and for the whole election. */
public record RollDigest(String electionId, long totalRegistered, String sha256, Instant frozenAt,
        List<StationDigest> stations) {

    /** One station's frozen roll size and digest. */
    public record StationDigest(String stationCode, long rollSize, String sha256) {
    }
}
