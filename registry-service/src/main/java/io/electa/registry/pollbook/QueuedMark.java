package io.electa.registry.pollbook;

import io.electa.support.idempotency.RequestKey;
import java.time.Instant;

/**
 * A mark as a station's device queued it, checked on its own and keyed for the request_id store.
 *
 * @param nationalId the voter
 * @param deviceTime when the device marked the voter, by its clock
 * @param deviceId the device
 * @param key the mark's request_id, with the fingerprint of the station and the mark
 */
public record QueuedMark(String nationalId, Instant deviceTime, String deviceId, RequestKey key) {
}
