package io.electa.registry.importing;

/** What one batch did: rows created, changed, and identical to what was stored. */
public record UpsertCounts(long created, long updated, long unchanged) {
}
