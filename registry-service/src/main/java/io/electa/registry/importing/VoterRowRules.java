package io.electa.registry.importing;

import io.electa.registry.domain.AgeRule;
import io.electa.roll.NationalId;
import io.electa.support.domain.Codes;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of one voter row on its own (everything but repetition in the stream), in the
 * order the report names them: missing field, malformed ID, bad name, malformed date, under
 * age, unknown station.
 */
public final class VoterRowRules {
    static final int MAX_NAME = 100;

    private final String electionId;
    private final LocalDate electionDay;
    private final Set<String> stations;

    public VoterRowRules(String electionId, LocalDate electionDay, Set<String> stations) {
        this.electionId = electionId;
        this.electionDay = electionDay;
        this.stations = stations;
    }

    /** The rejection of the row, if any. */
    public Optional<Rejection> check(long rowNumber, ImportedVoter row) {
        String id = row.nationalId();
        if (id.isEmpty() || row.familyName().isEmpty() || row.givenName().isEmpty()
                || row.dateOfBirth().isUnset() || row.stationCode().isEmpty()) {
            return Rejection.of(rowNumber, id, RejectionReason.MISSING_FIELD,
                    "national_id, family_name, given_name, date_of_birth and station_code are required");
        }
        if (!NationalId.isValid(id)) {
            return Rejection.of(rowNumber, id, RejectionReason.MALFORMED_ID,
                    "national_id must be 10 digits ending in a valid check digit");
        }
        if (!Codes.isText(row.familyName(), MAX_NAME) || !Codes.isText(row.givenName(), MAX_NAME)) {
            return Rejection.of(rowNumber, id, RejectionReason.MISSING_FIELD,
                    "family_name and given_name must be 1-" + MAX_NAME + " characters without control characters");
        }
        Optional<LocalDate> birth = row.dateOfBirth().toLocalDate();
        if (birth.isEmpty() || birth.get().isAfter(electionDay)) {
            return Rejection.of(rowNumber, id, RejectionReason.MALFORMED_DATE,
                    "date_of_birth must be a real date between 1900 and election day");
        }
        if (!AgeRule.mayVote(birth.get(), electionDay)) {
            return Rejection.of(rowNumber, id, RejectionReason.UNDER_AGE,
                    "the voter is under " + AgeRule.VOTING_AGE + " on election day " + electionDay);
        }
        if (!stations.contains(row.stationCode())) {
            return Rejection.of(rowNumber, id, RejectionReason.UNKNOWN_STATION,
                    "station_code " + row.stationCode() + " does not exist in election " + electionId);
        }
        return Optional.empty();
    }
}
