package io.electa.observer.grpc;

import com.google.protobuf.ProtocolMessageEnum;
import com.google.protobuf.Timestamp;
import io.electa.common.v1.Date;
import io.electa.support.domain.Violations;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** Input rules of the observer contract that the shared {@link Violations} does not know. */
final class RequestRules {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9]{1,14}");
    private static final Pattern DOCUMENT = Pattern.compile("[A-Z0-9]{1,32}");
    private static final Pattern QUESTION = Pattern.compile("[A-Za-z0-9_.-]{1,64}");
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

    private RequestRules() {
    }

    /** Organisation ids have the format of election ids. */
    static void organisationId(Violations violations, String field, String value) {
        violations.electionId(field, value);
    }

    static void country(Violations violations, String field, String value) {
        violations.check(COUNTRIES.contains(value), field, "must be an ISO 3166-1 alpha-2 country code, e.g. DE");
    }

    static void email(Violations violations, String field, String value) {
        violations.check(value.length() >= 3 && value.length() <= 254 && EMAIL.matcher(value).matches(), field,
                "must be an e-mail address of 3-254 characters");
    }

    static void phone(Violations violations, String field, String value) {
        violations.check(value.isEmpty() || PHONE.matcher(value).matches(), field,
                "must be empty or in E.164 form, e.g. +4930123456");
    }

    /** The document number upper-cased without spaces and '-', checked. */
    static String documentNumber(Violations violations, String field, String value) {
        String normalised = value.replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
        violations.check(DOCUMENT.matcher(normalised).matches(), field,
                "must be 1-32 characters of A-Z and 0-9 (spaces and '-' are dropped)");
        return normalised;
    }

    static void questionId(Violations violations, String field, String value) {
        violations.check(QUESTION.matcher(value).matches(), field,
                "must be 1-64 characters of A-Z, a-z, 0-9, '-', '_' and '.'");
    }

    /** Optional free text of at most {@code max} characters, without control characters. */
    static void optionalText(Violations violations, String field, String value, int max) {
        violations.check(value.isEmpty() || value.length() <= max && value.chars().noneMatch(Character::isISOControl),
                field, "must be at most " + max + " characters, without control characters");
    }

    /** A set enum value (not *_UNSPECIFIED, not unknown to this version of the contract). */
    static void set(Violations violations, String field, ProtocolMessageEnum value) {
        boolean known = !"UNRECOGNIZED".equals(((Enum<?>) value).name()) && value.getNumber() != 0;
        violations.check(known, field, "must be set to a known value");
    }

    /** An optional enum filter: unset (0) or a known value. */
    static void known(Violations violations, String field, ProtocolMessageEnum value) {
        violations.check(!"UNRECOGNIZED".equals(((Enum<?>) value).name()), field, "must be a known value");
    }

    /** Empty means "none": null; anything else must be a UUID. */
    static UUID optionalUuid(Violations violations, String field, String value) {
        return value.isEmpty() ? null : violations.uuid(field, value);
    }

    static LocalDate date(Violations violations, String field, Date date) {
        try {
            if (date.getYear() >= 1900 && date.getYear() <= 2999) {
                return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
            }
        } catch (DateTimeException invalid) {
            // reported below
        }
        violations.check(false, field, "must be a real calendar date between 1900 and 2999");
        return null;
    }

    /** A timestamp between 1900 and 2999 at microsecond precision (what the database keeps). */
    static Instant instant(Violations violations, String field, Timestamp timestamp) {
        Instant value = Instant.ofEpochSecond(timestamp.getSeconds(), Math.max(0, Math.min(timestamp.getNanos(), 999_999_999)));
        boolean ok = timestamp.getNanos() >= 0 && timestamp.getNanos() <= 999_999_999 && !value.isBefore(EARLIEST)
                && value.isBefore(LATEST);
        violations.check(ok, field, "must be a time between 1900 and 2999");
        return ok ? value.truncatedTo(java.time.temporal.ChronoUnit.MICROS) : null;
    }
}
