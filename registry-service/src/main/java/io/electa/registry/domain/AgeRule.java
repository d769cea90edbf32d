package io.electa.registry.domain;

import java.time.LocalDate;

/** Voters must be 18 or older on election day. */
public final class AgeRule {
    public static final int VOTING_AGE = 18;

    private AgeRule() {
    }

    /** True when someone born on {@code birth} is of voting age on {@code electionDay}. */
    public static boolean mayVote(LocalDate birth, LocalDate electionDay) {
        return !birth.plusYears(VOTING_AGE).isAfter(electionDay);
    }
}
