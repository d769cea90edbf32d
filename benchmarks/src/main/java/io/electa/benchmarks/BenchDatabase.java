package io.electa.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

/**
 * The benchmark's scratch PostgreSQL database: dropped and created afresh on every run, owned by
 * the role the registry connects as, and reached by the benchmark itself as a superuser (which
 * may run CHECKPOINT). Names are checked by {@link BenchmarkOptions}, so they can be spliced
 * into DDL.
 */
final class BenchDatabase {
    private final String hostPort;
    private final String adminUser;
    private final String name;
    private final String owner;

    BenchDatabase(String hostPort, String adminUser, String name, String owner) {
        this.hostPort = hostPort;
        this.adminUser = adminUser;
        this.name = name;
        this.owner = owner;
    }

    /** {@code host:port/database}, as the registry's ELECTA_DB takes it. */
    String hostPortDb() {
        return hostPort + "/" + name;
    }

    String owner() {
        return owner;
    }

    /** The command-line arguments with which psql or pgbench reach the scratch database as the superuser. */
    List<String> connectionArguments() {
        int colon = hostPort.lastIndexOf(':');
        return List.of("-h", hostPort.substring(0, colon), "-p", hostPort.substring(colon + 1), "-U", adminUser,
                name);
    }

    /** Drops the database (closing its sessions) and creates it empty, owned by the service role. */
    void recreate() throws SQLException {
        try (Connection admin = open("postgres"); Statement statement = admin.createStatement()) {
            requireRole(admin);
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + name + " OWNER " + owner);
        }
    }

    /** A new superuser connection to the scratch database, in auto-commit mode. */
    Connection connect() throws SQLException {
        return open(name);
    }

    /**
     * Writes all dirty buffers out, so that a timed phase does not pay for the previous phase's
     * writes. Best effort: without the right it only warns.
     */
    void checkpoint() {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            Log.info("CHECKPOINT skipped: " + e.getMessage());
        }
    }

    private void requireRole(Connection admin) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            query.setString(1, owner);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("role " + owner + " does not exist; run .ci/postgres first");
                }
            }
        }
    }

    private Connection open(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", adminUser);
        String password = System.getenv("PGPASSWORD");
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("ApplicationName", "electa-benchmarks");
        return DriverManager.getConnection("jdbc:postgresql://" + hostPort + "/" + database, properties);
    }
}
