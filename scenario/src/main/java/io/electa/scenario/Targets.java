package io.electa.scenario;

/**
 * The figures the national result must publish, to two decimals: turnout (ballots issued of
 * voters registered) and the winner's share (of the valid ballots).
 *
 * @param turnout e.g. "76.73"
 * @param winnerShare e.g. "92.12"
 */
public record Targets(String turnout, String winnerShare) {
    /** The reference scenario's published figures. */
    public static final Targets REFERENCE = new Targets("76.73", "92.12");
}
