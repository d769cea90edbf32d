package io.electa.tally.export;

import java.util.HashSet;
import java.util.Set;

/**
 * Structural checks both writers rely on. A violation is a bug upstream (the ledger read), so it fails loudly
 * instead of producing a file whose columns or references silently point at the wrong thing.
 */
final class ExportChecks {

    private ExportChecks() {
    }

    static void requireConsistent(ExportData data) {
        int candidateCount = data.candidates().size();
        Set<String> candidateCodes = new HashSet<>();
        for (ExportCandidate candidate : data.candidates()) {
            require(candidateCodes.add(candidate.candidateCode()), "duplicate candidate code " + candidate.candidateCode());
        }
        Set<String> districtCodes = new HashSet<>();
        Set<String> stationCodes = new HashSet<>();
        for (ExportDistrict district : data.districts()) {
            require(districtCodes.add(district.districtCode()), "duplicate district code " + district.districtCode());
            for (ExportStation station : district.stations()) {
                require(stationCodes.add(station.stationCode()), "duplicate station code " + station.stationCode());
                require(district.districtCode().equals(station.districtCode()),
                        "station " + station.stationCode() + " has district code " + station.districtCode()
                                + " but is listed under district " + district.districtCode());
                require(station.votes().length == candidateCount,
                        "station " + station.stationCode() + " has " + station.votes().length + " vote counts for "
                                + candidateCount + " candidates");
            }
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
