package io.electa.cli.imports;

import io.electa.cli.ClientStream;
import io.electa.cli.Progress;
import io.electa.cli.Services;
import io.electa.cli.csv.CsvFile;
import io.electa.common.v1.Date;
import io.electa.registry.v1.ImportHeader;
import io.electa.registry.v1.ImportReport;
import io.electa.registry.v1.ImportStationsRequest;
import io.electa.registry.v1.ImportVotersRequest;
import io.electa.registry.v1.RowRejection;
import io.electa.registry.v1.StationRow;
import io.electa.registry.v1.StationRows;
import io.electa.registry.v1.VoterRow;
import io.electa.registry.v1.VoterRows;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports of the roll from CSV files, streamed to the registry in messages of 10,000 rows with
 * flow control (memory stays flat however large the file), with a progress bar. The stream is
 * retried as a whole, with the same request_id, through an outage. Rejected rows go to a report
 * CSV (row number, key, reason, message).
 */
public final class RollImport {
    /** The columns of a stations file. */
    public static final List<String> STATION_COLUMNS = List.of("station_code", "district_code", "name", "address");
    /** The columns of a voters file; date_of_birth as YYYY-MM-DD. */
    public static final List<String> VOTER_COLUMNS = List.of("national_id", "family_name", "given_name",
            "date_of_birth", "station_code");
    private static final int ROWS_PER_MESSAGE = 10_000;

    private RollImport() {
    }

    public static ImportReport stations(Services services, String election, Path file, PrintWriter err) {
        CsvFile csv = new CsvFile(file, STATION_COLUMNS);
        String requestId = Services.requestId();
        return Services.retrying(() -> {
            try (CsvFile.Records records = csv.open(); Progress progress = Progress.of("stations", csv.countLines(),
                    "rows", err)) {
                ImportStationsRequest header = ImportStationsRequest.newBuilder().setHeader(header(election, requestId))
                        .build();
                return ClientStream.send(services.imports()::importStations, header,
                        batches(records, RollImport::station,
                                rows -> ImportStationsRequest.newBuilder().setStations(StationRows.newBuilder()
                                        .addAllRows(rows)).build(), progress))
                        .getReport();
            }
        });
    }

    public static ImportReport voters(Services services, String election, Path file, PrintWriter err) {
        CsvFile csv = new CsvFile(file, VOTER_COLUMNS);
        String requestId = Services.requestId();
        long total = csv.countLines();
        return Services.retrying(() -> {
            try (CsvFile.Records records = csv.open(); Progress progress = Progress.of("voters", total, "rows", err)) {
                ImportVotersRequest header = ImportVotersRequest.newBuilder().setHeader(header(election, requestId))
                        .build();
                return ClientStream.send(services.imports()::importVoters, header,
                        batches(records, RollImport::voter,
                                rows -> ImportVotersRequest.newBuilder().setVoters(VoterRows.newBuilder()
                                        .addAllRows(rows)).build(), progress))
                        .getReport();
            }
        });
    }

    /** Writes the report's rejected rows to {@code file}; whether there were any. */
    public static boolean writeRejections(ImportReport report, Path file) {
        if (report.getRejected() == 0) {
            return false;
        }
        try (var writer = Files.newBufferedWriter(file);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                        .setHeader("row_number", "key", "reason", "message").get())) {
            for (RowRejection rejection : report.getRejectionsList()) {
                printer.printRecord(rejection.getRowNumber(), rejection.getKey(),
                        rejection.getReason().name().replace("REJECTION_REASON_", ""), rejection.getMessage());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return true;
    }

    private static ImportHeader header(String election, String requestId) {
        return ImportHeader.newBuilder().setElectionId(election).setRequestId(requestId).build();
    }

    private static StationRow station(CSVRecord r) {
        return StationRow.newBuilder().setStationCode(r.get("station_code")).setDistrictCode(r.get("district_code"))
                .setName(r.get("name")).setAddress(r.get("address")).build();
    }

    /**
     * A voter row as written; a date that is not YYYY-MM-DD is sent as no date, and the registry
     * rejects the row (reported with the others).
     */
    private static VoterRow voter(CSVRecord r) {
        VoterRow.Builder row = VoterRow.newBuilder().setNationalId(r.get("national_id"))
                .setFamilyName(r.get("family_name")).setGivenName(r.get("given_name"))
                .setStationCode(r.get("station_code"));
        try {
            LocalDate birth = LocalDate.parse(r.get("date_of_birth"));
            row.setDateOfBirth(Date.newBuilder().setYear(birth.getYear()).setMonth(birth.getMonthValue())
                    .setDay(birth.getDayOfMonth()));
        } catch (DateTimeParseException notADate) {
            // Sent without a date: rejected by the registry as a malformed date.
        }
        return row.build();
    }

    /** The records as messages of up to 10,000 rows each, counted on {@code progress}. */
    private static <R, M> Iterator<M> batches(Iterator<CSVRecord> records, Function<CSVRecord, R> row,
            Function<List<R>, M> message, Progress progress) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return records.hasNext();
            }

            @Override
            public M next() {
                if (!records.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<R> rows = new java.util.ArrayList<>(ROWS_PER_MESSAGE);
                while (records.hasNext() && rows.size() < ROWS_PER_MESSAGE) {
                    rows.add(row.apply(records.next()));
                }
                progress.step(rows.size());
                return message.apply(rows);
            }
        };
    }
}
