package io.electa.registry.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import io.electa.registry.domain.CalendarDate;
import io.electa.roll.NationalId;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Import validation over generated rows: each row is built from a valid voter with any
 * combination of defects, and the rules must name the defect that comes first in their order
 * (or accept the row when it has none). QuickTheories reports the smallest failing row and the
 * seed; rerun it with {@code -DQT_SEED=<seed>}.
 */
class VoterRowRulesProperties {
    private static final LocalDate ELECTION_DAY = LocalDate.of(2027, 2, 7);
    private static final Set<String> STATIONS = Set.of("S1", "S2", "S3");
    private final VoterRowRules rules = new VoterRowRules("e1", ELECTION_DAY, STATIONS);

    @Test
    void theFirstDefectInRuleOrderIsReported() {
        qt().withExamples(2000).forAll(rows()).checkAssert(row -> {
            Optional<Rejection> rejection = rules.check(7, row.voter());

            assertThat(rejection.map(Rejection::reason)).isEqualTo(Optional.ofNullable(row.expected()));
            rejection.ifPresent(r -> assertThat(r.rowNumber()).isEqualTo(7));
            rejection.ifPresent(r -> assertThat(r.message()).isNotBlank());
        });
    }

    private static Gen<Case> rows() {
        Gen<Integer> payload = integers().between(0, 999_999_999);
        Gen<Defect> defect = Generate.enumValues(Defect.class);
        Gen<LocalDate> adultBirth = integers().between(0, 80 * 365)
                .map(days -> ELECTION_DAY.minusYears(18).minusDays(days));
        Gen<Defects> defects = defect.zip(defect, defect, defect, Defects::new);
        return payload.zip(defects, adultBirth,
                (p, d, birth) -> build(p, d.id(), d.name(), d.date(), d.station(), birth));
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

    record Defects(Defect id, Defect name, Defect date, Defect station) {
    }

    record Case(ImportedVoter voter, RejectionReason expected) {
    }
}
