package io.electa.tally.domain;

/** One published rule a protocol is checked against. */
public record Relation(String id, Kind kind, String formula, String text) {
    /** What breaking the rule does. */
    public enum Kind {
        /** Between the protocol's own figures: the submission is refused, nothing stored. */
        ARITHMETIC,
        /** Against the registry: the protocol is stored QUARANTINED for review. */
        REGISTRY_CROSS_CHECK
    }
}
