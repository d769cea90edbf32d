package io.electa.tally.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A small but realistic export: 3 candidates (one self-nominated), 3 districts (one not counted yet), 10 stations. */
final class ExportFixtures {

    static final String[] DISTRICT_01_STATIONS = {"0007", "1001", "1003", "2004"};
    static final String[] DISTRICT_02_STATIONS = {"0002", "1002", "1005", "2001", "2002", "3000"};

    private ExportFixtures() {
    }

    static ExportData realistic() {
        return realistic("unofficial-partial");
    }

    static ExportData realistic(String status) {
        ExportElection election = new ExportElection("pres-2026", "Presidential election 2026",
                LocalDate.of(2026, 3, 21), status, Instant.parse("2026-03-22T01:15:42.123456Z"), 48_213L);
        List<ExportCandidate> candidates = List.of(
                new ExportCandidate("K01", "Ľubomír \"Ľubo\" Novák", "Strana pokroku", 1),
                new ExportCandidate("K02", "Eva Horváthová", "", 2),
                new ExportCandidate("K03", "Ján Kováč", "Občianska únia", 3));
        List<ExportDistrict> districts = List.of(
                new ExportDistrict("01", "Bratislava", stations("01", DISTRICT_01_STATIONS, 0)),
                new ExportDistrict("02", "Košice", stations("02", DISTRICT_02_STATIONS, 4)),
                new ExportDistrict("03", "Voting abroad", List.of()));
        return new ExportData(election, candidates, districts);
    }

    static List<ExportStation> stations(String districtCode, String[] codes, int seed) {
        List<ExportStation> stations = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            int n = seed + i;
            stations.add(station(districtCode, codes[i], new long[] {100 + 37L * n, 80 + 11L * (n % 4), 45 + 5L * n},
                    n % 5));
        }
        return stations;
    }

    /** Internally consistent protocol: valid = sum of votes, found = valid + invalid, issued >= found. */
    static ExportStation station(String districtCode, String stationCode, long[] votes, long invalid) {
        long valid = 0;
        for (long v : votes) {
            valid += v;
        }
        long found = valid + invalid;
        long issued = found + 2;
        return new ExportStation(stationCode, districtCode, "P-" + districtCode + "-" + stationCode, 1,
                issued + 400, issued, found, valid, invalid, votes);
    }
}
