package io.electa.site.flags;

/**
 * The statistical rules that flag a station. A flag is an indicator for observers, published with
 * the rule that raised it, never a verdict: each rule also fires on honest stations now and then.
 */
public enum FlagRule {
    /** The station's turnout is far from the median turnout of its district's counted stations. */
    TURNOUT_OUTLIER,
    /** The winner's share at the station is far from its median in the district. */
    WINNER_SHARE_OUTLIER,
    /** One candidate has more than a set share of the valid ballots at a very high turnout. */
    ONE_CANDIDATE_AT_HIGH_TURNOUT,
    /** The last digits of the district's vote counts fail a chi-square test of uniformity. */
    LAST_DIGITS
}
