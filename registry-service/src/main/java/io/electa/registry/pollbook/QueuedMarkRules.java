package io.electa.registry.pollbook;

import io.electa.roll.NationalId;
import io.electa.support.domain.Codes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks of one uploaded mark on its own, as the contract states them for QueuedMark: the
 * national ID's format and check digit, the device id, a device time between 1900 and a day
 * after the server's clock, the request_id's format.
 */
public final class QueuedMarkRules {
    /** How far ahead of the server a device's clock may be. */
    static final Duration CLOCK_SKEW = Duration.ofDays(1);
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Instant EARLIEST = Instant.parse("1900-01-01T00:00:00Z");

    private QueuedMarkRules() {
    }

    /** What is wrong with the mark, if anything (never repeating the value). */
    public static Optional<String> check(String nationalId, Instant deviceTime, String deviceId, String requestId,
            Instant now) {
        if (!Codes.isRequestId(requestId)) {
            return Optional.of("request_id must be 1-64 characters of A-Z, a-z, 0-9, '-' and '_'");
        }
        if (!NationalId.isValid(nationalId)) {
            return Optional.of("national_id must be 10 digits ending in a valid check digit");
        }
        if (!DEVICE_ID.matcher(deviceId).matches()) {
            return Optional.of("device_id must be 1-64 characters of A-Z, a-z, 0-9, '.', '_', ':' and '-'");
        }
        if (deviceTime == null || deviceTime.isBefore(EARLIEST) || deviceTime.isAfter(now.plus(CLOCK_SKEW))) {
            return Optional.of("device_time is required, after 1900 and at most a day ahead of the server's clock");
        }
        return Optional.empty();
    }
}
