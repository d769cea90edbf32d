package io.electa.tally.export;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The official NIST SP 1500-100 v2 results JSON schema (a copy of the published file, on the test
 * classpath) and validation against it.
 */
public final class NistSchema {
    static final String FILE = "NIST_V2_election_results_reporting.json";
    private static final Schema SCHEMA = load();

    private NistSchema() {
    }

    /** Every way {@code json} breaks the schema; empty when it is valid. */
    public static List<Error> validate(String json) {
        return SCHEMA.validate(json, InputFormat.JSON);
    }

    private static Schema load() {
        try (InputStream in = NistSchema.class.getResourceAsStream("/" + FILE)) {
            if (in == null) {
                throw new IllegalStateException(FILE + " is missing from the test classpath");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
