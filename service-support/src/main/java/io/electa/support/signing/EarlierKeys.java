package io.electa.support.signing;

import io.electa.client.signing.Ed25519;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a service signed with before its current one, as configured: entries separated by
 * commas, each the public key in base64 (its raw 32 bytes, or its X.509 SubjectPublicKeyInfo as
 * {@code openssl pkey -pubout -outform DER | base64 -w0} prints it) followed by
 * {@code ;retired=<instant>} (required), and optionally {@code ;activated=<instant>} and
 * {@code ;compromised=<instant>}, instants in ISO-8601 (e.g. 2027-03-01T00:00:00Z). Whitespace
 * around entries and fields is ignored. Example:
 * {@code MCowBQYDK2VwAyEA...=;activated=2027-01-01T00:00:00Z;retired=2027-03-01T00:00:00Z;compromised=2027-02-20T00:00:00Z}
 */
final class EarlierKeys {
    private EarlierKeys() {
    }

    /** The keys {@code text} lists; IllegalArgumentException naming the entry when one is malformed. */
    static List<SigningKey> parse(String text) {
        List<SigningKey> keys = new ArrayList<>();
        for (String entry : text.split(",")) {
            if (!entry.isBlank()) {
                keys.add(parseEntry(entry.strip(), keys.size() + 1));
            }
        }
        return keys;
    }

    private static SigningKey parseEntry(String entry, int number) {
        String[] fields = entry.split(";");
        Map<String, Instant> times = new HashMap<>();
        for (int i = 1; i < fields.length; i++) {
            String[] nameValue = fields[i].split("=", 2);
            String name = nameValue[0].strip();
            if (nameValue.length != 2 || !List.of("activated", "retired", "compromised").contains(name)) {
                throw new IllegalArgumentException("earlier key " + number + ": \"" + fields[i].strip()
                        + "\" is not activated=, retired= or compromised=");
            }
            try {
                times.put(name, Instant.parse(nameValue[1].strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("earlier key " + number + ": " + name + " is not an ISO-8601"
                        + " instant such as 2027-03-01T00:00:00Z");
            }
        }
        if (!times.containsKey("retired")) {
            throw new IllegalArgumentException("earlier key " + number + ": retired= is required");
        }
        if (times.containsKey("activated") && !times.get("activated").isBefore(times.get("retired"))) {
            throw new IllegalArgumentException("earlier key " + number + ": activated is not before retired");
        }
        try {
            return SigningKey.of(Ed25519.ofBase64(fields[0]), times.get("activated"), times.get("retired"),
                    times.get("compromised"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("earlier key " + number + ": " + e.getMessage(), e);
        }
    }
}
