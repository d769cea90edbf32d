package io.electa.cli.csv;

import io.electa.cli.Failures.UsageFailure;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An input file of the back office: CSV (RFC 4180, UTF-8) with a header line naming at least
 * {@code columns}; extra columns are ignored. Read one record at a time.
 */
public final class CsvFile {
    private final Path path;
    private final List<String> columns;

    public CsvFile(Path path, List<String> columns) {
        this.path = path;
        this.columns = columns;
    }

    public Path path() {
        return path;
    }

    /** Calls {@code each} with every record, in order. */
    public void forEach(Consumer<CSVRecord> each) {
        try (Records records = open()) {
            records.forEachRemaining(each);
        }
    }

    /** The records, read as they are asked for; close when done. */
    public Records open() {
        try {
            Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8);
            CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get().parse(reader);
            List<String> missing = columns.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                parser.close();
                throw new UsageFailure(path + ": the header must name the columns " + columns + "; missing " + missing);
            }
            return new Records(parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of an open file. */
    public final class Records implements Iterator<CSVRecord>, AutoCloseable {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;

        private Records(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
        }

        @Override
        public boolean hasNext() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                throw new UsageFailure(path + ": " + e.getCause().getMessage());
            }
        }

        @Override
        public CSVRecord next() {
            return records.next();
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How many data lines the file has (for progress), counted quickly. */
    public long countLines() {
        try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
            return Math.max(0, lines.filter(l -> !l.isBlank()).count() - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
