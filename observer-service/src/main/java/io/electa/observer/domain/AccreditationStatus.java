package io.electa.observer.domain;

/** PENDING -> APPROVED -> REVOKED, or PENDING -> REFUSED. Live: PENDING or APPROVED. */
public enum AccreditationStatus {
    PENDING, APPROVED, REFUSED, REVOKED;

    public boolean isLive() {
        return this == PENDING || this == APPROVED;
    }
}
