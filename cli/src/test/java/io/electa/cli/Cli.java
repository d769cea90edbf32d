package io.electa.cli;

import io.electa.testing.LocalService;
import io.electa.testing.TestTokens;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The command line as a user runs it, in-process, against the three packaged services running as
 * real processes on free ports (each on its own database on the local PostgreSQL, cleaned when
 * they start), shared by the command line's tests.
 */
final class Cli {
    static final String HOST_PORT = "127.0.0.1:5432/";
    static final String TALLY_DB = "electa_tally_it";
    /** The sample files of cli/samples, as the README documents them. */
    static final Path SAMPLES = Path.of("samples");

    private static Cli running;

    final LocalService registry;
    final LocalService tally;
    final LocalService observer;

    /** What a command printed and exited with. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Cli() {
        registry = LocalService.registry(HOST_PORT + "electa_registry_it");
        tally = LocalService.tally(HOST_PORT + TALLY_DB, registry.port());
        observer = LocalService.observer(HOST_PORT + "electa_observer_it", registry.port(), tally.port());
    }

    static synchronized Cli get() {
        if (running == null) {
            running = new Cli();
        }
        return running;
    }

    /** Runs `electa ARGS` against the suite. */
    Run run(String... args) {
        List<String> line = new ArrayList<>(endpoints());
        line.addAll(List.of(args));
        return runExactly(line.toArray(String[]::new));
    }

    /** The endpoint flags of the suite. */
    List<String> endpoints() {
        return List.of("--registry", "localhost:" + registry.port(), "--tally", "localhost:" + tally.port(),
                "--observer", "localhost:" + observer.port(), "--signing-keys", TestTokens.FOLDER.toString());
    }

    /** Runs `electa ARGS` exactly as given. */
    static Run runExactly(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Electa.execute(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    /** A fresh election id. */
    static String newElection() {
        return "cli-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Connection tallyDatabase() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST_PORT + TALLY_DB, "electa", "electa");
    }
}
