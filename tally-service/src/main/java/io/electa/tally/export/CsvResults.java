package io.electa.tally.export;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes one CSV line per counted station protocol (RFC 4180, UTF-8 without BOM, every line ended by CR LF).
 * Columns: the fixed protocol columns, then one vote column per candidate, headed by its candidate code, in ballot
 * order. Lines are ordered by station code across all districts; districts without counted stations add no line.
 */
public final class CsvResults {

    static final List<String> FIXED_COLUMNS = List.of("district_code", "station_code", "protocol_id",
            "protocol_version", "voters_registered", "ballots_issued", "ballots_found", "ballots_valid",
            "ballots_invalid");
    private static final String CRLF = "\r\n";

    private CsvResults() {
    }

    public static byte[] write(ExportData data) {
        ExportChecks.requireConsistent(data);
        StringBuilder out = new StringBuilder();

        List<String> header = new ArrayList<>(FIXED_COLUMNS);
        for (ExportCandidate candidate : data.candidates()) {
            header.add(candidate.candidateCode());
        }
        line(out, header);

        List<ExportStation> stations = new ArrayList<>();
        for (ExportDistrict district : data.districts()) {
            stations.addAll(district.stations());
        }
        stations.sort(Comparator.comparing(ExportStation::stationCode));
        for (ExportStation station : stations) {
            List<String> fields = new ArrayList<>(List.of(station.districtCode(), station.stationCode(),
                    station.protocolId(), Integer.toString(station.protocolVersion()),
                    Long.toString(station.votersRegistered()), Long.toString(station.ballotsIssued()),
                    Long.toString(station.ballotsFound()), Long.toString(station.ballotsValid()),
                    Long.toString(station.ballotsInvalid())));
            for (long votes : station.votes()) {
                fields.add(Long.toString(votes));
            }
            line(out, fields);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            field(out, fields.get(i));
        }
        out.append(CRLF);
    }

    /** RFC 4180 section 2: quote only fields holding a comma, a double quote, CR or LF; double embedded quotes. */
    static void field(StringBuilder out, String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        if (!quote) {
            out.append(value);
            return;
        }
        out.append('"').append(value.replace("\"", "\"\"")).append('"');
    }
}
