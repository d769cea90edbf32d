package io.electa.observer.domain;

import java.time.Instant;

/** A quota as set (maxObservers and updatedAt null when never set) with its current use. */
public record QuotaUse(String organisationId, String electionId, Integer maxObservers, long used,
        Instant updatedAt) {
}
