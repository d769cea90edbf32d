package io.electa.cli;

import com.github.freva.asciitable.AsciiTable;
import com.github.freva.asciitable.Column;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * How a read is printed: `--output table` (for people), `json` (the contract's messages in
 * protobuf's JSON mapping, field names as in the .proto files) or `csv` (RFC 4180, for
 * spreadsheets and scripts).
 */
public final class Output {
    /** The formats of --output. */
    public enum Format { table, json, csv }

    @Option(names = {"-o", "--output"}, defaultValue = "table", paramLabel = "FORMAT",
            description = "table, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** What a read found: a table's columns and rows, and the messages they came from (for json). */
    public record Listing(List<String> columns, List<List<String>> rows, List<? extends MessageOrBuilder> messages) {
        public static Builder of(String... columns) {
            return new Builder(List.of(columns));
        }

        /** Rows added one by one, each with its message. */
        public static final class Builder {
            private final List<String> columns;
            private final List<List<String>> rows = new ArrayList<>();
            private final List<MessageOrBuilder> messages = new ArrayList<>();

            private Builder(List<String> columns) {
                this.columns = columns;
            }

            public Builder row(MessageOrBuilder message, Object... cells) {
                List<String> row = new ArrayList<>();
                for (Object cell : cells) {
                    row.add(cell == null ? "" : cell.toString());
                }
                rows.add(row);
                messages.add(message);
                return this;
            }

            public Listing build() {
                return new Listing(columns, rows, messages);
            }
        }
    }

    /** Whether the output is the table for people (json and csv are for machines: nothing else on stdout). */
    public boolean isTable() {
        return format == null || format == Format.table;
    }

    public PrintWriter out() {
        return command.commandLine().getOut();
    }

    /** Prints {@code listing} in the chosen format. */
    public void print(Listing listing) {
        PrintWriter out = out();
        switch (format) {
            case json -> out.println(json(listing.messages()));
            case csv -> out.print(csv(listing.columns(), listing.rows()));
            default -> out.println(table(listing.columns(), listing.rows()));
        }
        out.flush();
    }

    /** One message: as JSON, or as a two-column table of its fields. */
    public void print(MessageOrBuilder message, Listing fields) {
        if (format == Format.json) {
            out().println(json(message));
            out().flush();
        } else {
            print(fields);
        }
    }

    public static String table(List<String> columns, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return "(none)";
        }
        Column[] header = columns.stream().map(c -> new Column().header(c)).toArray(Column[]::new);
        String[][] data = rows.stream().map(r -> r.toArray(String[]::new)).toArray(String[][]::new);
        return AsciiTable.getTable(AsciiTable.BASIC_ASCII_NO_DATA_SEPARATORS, header, data);
    }

    public static String csv(List<String> columns, List<List<String>> rows) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.RFC4180.builder()
                .setHeader(columns.toArray(String[]::new)).get())) {
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    public static String json(MessageOrBuilder message) {
        try {
            return JsonFormat.printer().preservingProtoFieldNames().print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(List<? extends MessageOrBuilder> messages) {
        List<String> items = new ArrayList<>();
        for (MessageOrBuilder message : messages) {
            items.add(json(message));
        }
        return "[" + String.join(",\n", items) + "]";
    }
}
