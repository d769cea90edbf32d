package io.electa.tally.export;

/** One counted station protocol; votes[i] belongs to candidates.get(i). */
public record ExportStation(String stationCode, String districtCode, String protocolId, int protocolVersion,
        long votersRegistered, long ballotsIssued, long ballotsFound, long ballotsValid, long ballotsInvalid, long[] votes) {}
