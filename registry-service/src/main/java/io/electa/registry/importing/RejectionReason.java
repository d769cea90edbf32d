package io.electa.registry.importing;

/** Why an import row was rejected; mirrors electa.registry.v1.RejectionReason. */
public enum RejectionReason {
    MISSING_FIELD,
    MALFORMED_ID,
    MALFORMED_DATE,
    UNDER_AGE,
    UNKNOWN_STATION,
    DUPLICATE_IN_STREAM,
    MALFORMED_CODE,
    UNKNOWN_DISTRICT
}
