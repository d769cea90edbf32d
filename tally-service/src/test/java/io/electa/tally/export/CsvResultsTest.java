package io.electa.tally.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvResultsTest {

    static final String HEADER = "district_code,station_code,protocol_id,protocol_version,voters_registered,"
            + "ballots_issued,ballots_found,ballots_valid,ballots_invalid,K01,K02,K03";

    ExportData data = ExportFixtures.realistic();
    String csv = new String(CsvResults.write(data), StandardCharsets.UTF_8);

    @Test
    void headerThenOneLinePerCountedStation() {
        List<List<String>> rows = parse(csv);
        assertThat(String.join(",", rows.get(0))).isEqualTo(HEADER);
        assertThat(rows).hasSize(1 + 10);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(9 + 3));
    }

    @Test
    void everyLineEndsWithCrLf() {
        assertThat(csv).endsWith("\r\n").startsWith(HEADER + "\r\n");
        assertThat(csv.split("\r\n", -1)).hasSize(1 + 10 + 1);
        assertThat(csv.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
    }

    @Test
    void linesAreOrderedByStationCodeAcrossDistricts() {
        List<List<String>> rows = parse(csv);
        List<String> codes = rows.subList(1, rows.size()).stream().map(row -> row.get(1)).toList();
        assertThat(codes).containsExactly("0002", "0007", "1001", "1002", "1003", "1005", "2001", "2002", "2004",
                "3000");
        assertThat(rows.get(1).get(0)).isEqualTo("02");
        assertThat(rows.get(2).get(0)).isEqualTo("01");
    }

    @Test
    void lineCarriesTheProtocolFields() {
        ExportStation station = data.districts().get(0).stations().get(0);
        String expected = String.join(",", "01", station.stationCode(), station.protocolId(), "1",
                Long.toString(station.votersRegistered()), Long.toString(station.ballotsIssued()),
                Long.toString(station.ballotsFound()), Long.toString(station.ballotsValid()),
                Long.toString(station.ballotsInvalid()), Long.toString(station.votes()[0]),
                Long.toString(station.votes()[1]), Long.toString(station.votes()[2]));
        assertThat(csv).contains("\r\n" + expected + "\r\n");
    }

    @Test
    void candidateColumnsSumToNationalTotals() {
        List<List<String>> rows = parse(csv);
        for (int i = 0; i < 3; i++) {
            long expected = 0;
            for (ExportDistrict district : data.districts()) {
                for (ExportStation station : district.stations()) {
                    expected += station.votes()[i];
                }
            }
            int column = 9 + i;
            long sum = rows.subList(1, rows.size()).stream().mapToLong(row -> Long.parseLong(row.get(column))).sum();
            assertThat(sum).as(data.candidates().get(i).candidateCode()).isEqualTo(expected);
        }
        long valid = rows.subList(1, rows.size()).stream().mapToLong(row -> Long.parseLong(row.get(7))).sum();
        long votes = rows.subList(1, rows.size()).stream()
                .mapToLong(row -> row.subList(9, 12).stream().mapToLong(Long::parseLong).sum()).sum();
        assertThat(valid).isEqualTo(votes);
    }

    @Test
    void fieldsAreQuotedOnlyWhenNeeded() {
        ExportStation station = ExportFixtures.station("D,1", "S\"7\"", new long[] {5, 6}, 1);
        ExportData tricky = new ExportData(data.election(), List.of(
                new ExportCandidate("plain", "P", "", 1),
                new ExportCandidate("line\nbreak", "L", "", 2)),
                List.of(new ExportDistrict("D,1", "Comma district", List.of(station))));
        String out = new String(CsvResults.write(tricky), StandardCharsets.UTF_8);
        assertThat(out).startsWith("district_code,").contains(",plain,\"line\nbreak\"\r\n");
        assertThat(out).contains("\r\n\"D,1\",\"S\"\"7\"\"\",\"P-D,1-S\"\"7\"\"\",1,");
        List<List<String>> rows = parse(out);
        assertThat(rows.get(0)).endsWith("plain", "line\nbreak");
        assertThat(rows.get(1).subList(0, 3)).containsExactly("D,1", "S\"7\"", "P-D,1-S\"7\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", " spaced ", "a,b", "\"", "say \"hi\"", "cr\rhere", "lf\nhere", "Košice",
            "ends,", "\"\""})
    void fieldRoundTrips(String value) {
        StringBuilder out = new StringBuilder();
        CsvResults.field(out, value);
        assertThat(parse(out + "\r\n")).containsExactly(List.of(value));
        boolean special = value.contains(",") || value.contains("\"") || value.contains("\r") || value.contains("\n");
        assertThat(out.toString().startsWith("\"")).isEqualTo(special);
    }

    @Test
    void noStationsMeansHeaderOnly() {
        ExportData empty = new ExportData(data.election(), data.candidates(),
                List.of(new ExportDistrict("03", "Voting abroad", List.of())));
        assertThat(new String(CsvResults.write(empty), StandardCharsets.UTF_8)).isEqualTo(HEADER + "\r\n");
    }

    @Test
    void utf8WithoutBom() {
        byte[] bytes = CsvResults.write(data);
        assertThat(Arrays.copyOf(bytes, 3)).isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    }

    /** Minimal RFC 4180 reader (records end with CRLF) used to check what a consumer would read back. */
    static List<List<String>> parse(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i += 2;
                continue;
            } else {
                field.append(c);
            }
            i++;
        }
        if (field.length() > 0 || !row.isEmpty()) {
            throw new AssertionError("last record not terminated by CRLF");
        }
        return rows;
    }
}
