package io.electa.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.registry.domain.CalendarDate;
import io.electa.roll.NationalId;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Import validation over generated rows: each row is built from a valid voter with any
 * combination of defects, and the rules must name the defect that comes first in their order
 * (or accept the row when it has none).
 */
class VoterRowRulesProperties {
    private static final LocalDate ELECTION_DAY = LocalDate.of(2027, 2, 7);
    private static final Set<String> STATIONS = Set.of("S1", "S2", "S3");
    private final VoterRowRules rules = new VoterRowRules("e1", ELECTION_DAY, STATIONS);

    @Property(tries = 2000)
    void theFirstDefectInRuleOrderIsReported(@ForAll("rows") Case row) {
        Optional<Rejection> rejection = rules.check(7, row.voter());

        assertThat(rejection.map(Rejection::reason)).isEqualTo(Optional.ofNullable(row.expected()));
        rejection.ifPresent(r -> assertThat(r.rowNumber()).isEqualTo(7));
        rejection.ifPresent(r -> assertThat(r.message()).isNotBlank());
    }

    @Provide
    Arbitrary<Case> rows() {
        Arbitrary<Integer> payload = Arbitraries.integers().between(0, 999_999_999);
        Arbitrary<Defect> idDefect = Arbitraries.of(Defect.values());
        Arbitrary<Defect> nameDefect = Arbitraries.of(Defect.values());
        Arbitrary<Defect> dateDefect = Arbitraries.of(Defect.values());
        Arbitrary<Defect> stationDefect = Arbitraries.of(Defect.values());
        Arbitrary<LocalDate> adultBirth = Arbitraries.integers().between(0, 80 * 365)
                .map(days -> ELECTION_DAY.minusYears(18).minusDays(days));
        return Combinators.combine(payload, idDefect, nameDefect, dateDefect, stationDefect, adultBirth)
                .as(VoterRowRulesProperties::build);
    }

    private static Case build(int payload, Defect id, Defect name, Defect date, Defect station, LocalDate birth) {
        String nationalId = switch (id) {
            case NONE -> NationalId.of(payload);
            case MISSING -> "";
            case BROKEN -> mistype(NationalId.of(payload));
        };
        String familyName = switch (name) {
            case NONE -> "Ivanova";
            case MISSING -> "";
            case BROKEN -> "x".repeat(101);
        };
        CalendarDate dateOfBirth = switch (date) {
            case NONE -> new CalendarDate(birth.getYear(), birth.getMonthValue(), birth.getDayOfMonth());
            case MISSING -> new CalendarDate(0, 0, 0);
            case BROKEN -> new CalendarDate(ELECTION_DAY.getYear() - 10, 3, 3);
        };
        String stationCode = switch (station) {
            case NONE -> "S2";
            case MISSING -> "";
            case BROKEN -> "S404";
        };
        RejectionReason expected;
        if (id == Defect.MISSING || name == Defect.MISSING || date == Defect.MISSING || station == Defect.MISSING) {
            expected = RejectionReason.MISSING_FIELD;
        } else if (id == Defect.BROKEN) {
            expected = RejectionReason.MALFORMED_ID;
        } else if (name == Defect.BROKEN) {
            expected = RejectionReason.MISSING_FIELD;
        } else if (date == Defect.BROKEN) {
            expected = RejectionReason.UNDER_AGE;
        } else if (station == Defect.BROKEN) {
            expected = RejectionReason.UNKNOWN_STATION;
        } else {
            expected = null;
        }
        return new Case(new ImportedVoter(nationalId, familyName, "Anna", dateOfBirth, stationCode), expected);
    }

    private static String mistype(String id) {
        char last = id.charAt(9);
        return id.substring(0, 9) + (char) ('0' + (last - '0' + 1) % 10);
    }

    enum Defect { NONE, MISSING, BROKEN }

    record Case(ImportedVoter voter, RejectionReason expected) {
    }
}
