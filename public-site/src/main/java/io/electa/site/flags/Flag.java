package io.electa.site.flags;

/**
 * One station flagged by one rule.
 *
 * @param observed what the rule saw, e.g. "turnout 99.10 %, district median 71.20 %"
 */
public record Flag(String stationCode, FlagRule rule, String observed) {
}
