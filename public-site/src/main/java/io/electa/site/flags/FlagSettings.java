package io.electa.site.flags;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The flags' thresholds (electa.site.flags.*, each overridable by an environment variable). */
@ConfigMapping(prefix = "electa.site.flags")
public interface FlagSettings {
    /** How far (percentage points) from the district median a turnout or share must be to be flagged. */
    @WithDefault("20")
    double outlierPoints();

    /** Counted stations a district needs before its median means anything. */
    @WithDefault("3")
    int minDistrictStations();

    /** A turnout at or above this (percent) is very high. */
    @WithDefault("95")
    double highTurnout();

    /** More than this share (percent) for one candidate at a very high turnout is flagged. */
    @WithDefault("85")
    double oneCandidateShare();

    /** Vote counts of 10 or more a district needs before its last digits are tested. */
    @WithDefault("50")
    int lastDigitsMinCounts();

    /** Chi-square with 9 degrees of freedom above which the last digits fail (21.67: p < 0.01). */
    @WithDefault("21.67")
    double lastDigitsCritical();
}
