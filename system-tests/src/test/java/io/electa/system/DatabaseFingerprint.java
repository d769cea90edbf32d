package io.electa.system;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every row of every table of a service's database, as one comparable value per table. */
final class DatabaseFingerprint {
    private DatabaseFingerprint() {
    }

    /** Table name to an MD5 over its rows (order-independent); Flyway's history left out. */
    static Map<String, String> of(String database) {
        try (Connection connection = Suite.database(database); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    + " AND table_name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            Map<String, String> fingerprint = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) || ':' || md5(coalesce(string_agg("
                        + "md5(t::text), '' ORDER BY md5(t::text)), '')) FROM \"" + table + "\" t")) {
                    rows.next();
                    fingerprint.put(table, rows.getString(1));
                }
            }
            return fingerprint;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read database " + database, e);
        }
    }
}
