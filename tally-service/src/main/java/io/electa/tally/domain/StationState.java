package io.electa.tally.domain;

import io.electa.tally.v1.ProtocolStatus;
import java.util.UUID;

/**
 * Where one station stands in the count: its current protocol version (null before the first),
 * the version that counts (null when none does) and whether it is excluded.
 */
public record StationState(String electionId, String stationCode, String districtCode, UUID currentProtocolId,
        int currentVersion, ProtocolStatus currentStatus, UUID countedProtocolId, boolean excluded) {

    /** A station without protocol or exclusion. */
    public static StationState empty(String electionId, String stationCode, String districtCode) {
        return new StationState(electionId, stationCode, districtCode, null, 0,
                ProtocolStatus.PROTOCOL_STATUS_UNSPECIFIED, null, false);
    }

    /** Its current version waits for review or counts: a new one must be a correction. */
    public boolean hasLiveProtocol() {
        return currentStatus == ProtocolStatus.PROTOCOL_STATUS_ACCEPTED
                || currentStatus == ProtocolStatus.PROTOCOL_STATUS_QUARANTINED;
    }

    public StationState withCurrent(UUID protocolId, int version, ProtocolStatus status, UUID counted) {
        return new StationState(electionId, stationCode, districtCode, protocolId, version, status, counted, excluded);
    }

    public StationState withStatus(ProtocolStatus status, UUID counted) {
        return new StationState(electionId, stationCode, districtCode, currentProtocolId, currentVersion, status,
                counted, excluded);
    }

    public StationState asExcluded() {
        return new StationState(electionId, stationCode, districtCode, currentProtocolId, currentVersion,
                currentStatus, null, true);
    }
}
