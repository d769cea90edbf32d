package io.electa.cli;

import picocli.CommandLine.Option;

/** -e/--election, defaulting to $ELECTA_ELECTION. */
public final class ElectionOption {
    @Option(names = {"-e", "--election"}, required = true, defaultValue = "${env:ELECTA_ELECTION}",
            paramLabel = "ELECTION", description = "The election id (default: $ELECTA_ELECTION).")
    public String id;
}
