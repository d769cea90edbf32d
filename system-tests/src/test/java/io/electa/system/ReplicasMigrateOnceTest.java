package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.electa.local.ServiceProcess;
import io.electa.testing.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes starts several replicas of a service at once, each running Flyway at start on the same
 * database: one migrates while the others wait (Flyway holds a PostgreSQL advisory lock), then they
 * find the schema up to date. Two registry processes started at the same moment on an empty
 * database both become ready, and every migration is applied exactly once.
 */
class ReplicasMigrateOnceTest {
    private static final String DATABASE = "127.0.0.1:5432/electa_registry_replicas";
    private static final String JDBC = "jdbc:postgresql://" + DATABASE;

    @Test
    void twoReplicasStartingTogetherOnAnEmptyDatabaseApplyEachMigrationOnce() throws Exception {
        emptyDatabase();
        Path jar = ServiceProcess.jarOf("registry-service");
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<ServiceProcess>> replicas = new ArrayList<>();
        List<Path> logs = new ArrayList<>();
        for (String replica : List.of("a", "b")) {
            Path log = Path.of("target", "registry-replica-" + replica + ".log");
            Files.deleteIfExists(log);
            logs.add(log);
            replicas.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return ServiceProcess.launch("registry-" + replica, jar,
                        List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-Dquarkus.flyway.clean-at-start=false"),
                        environment(), ServiceProcess.freePort(), log);
            }));
        }
        go.countDown();
        List<ServiceProcess> started = new ArrayList<>();
        try {
            for (CompletableFuture<ServiceProcess> replica : replicas) {
                started.add(replica.get(3, TimeUnit.MINUTES)); // ready: /q/health/ready answered 200
            }
            assertThat(started).hasSize(2).allSatisfy(p -> assertThat(p.isAlive()).isTrue());

            Map<String, Integer> applied = new HashMap<>();
            try (Connection c = DriverManager.getConnection(JDBC, "electa", "electa");
                    Statement s = c.createStatement();
                    ResultSet rows = s.executeQuery("SELECT coalesce(version, script), count(*), bool_and(success)"
                            + " FROM flyway_schema_history WHERE type <> 'SCHEMA' GROUP BY 1")) {
                while (rows.next()) {
                    assertThat(rows.getBoolean(3)).as("migration " + rows.getString(1) + " succeeded").isTrue();
                    applied.put(rows.getString(1), rows.getInt(2));
                }
            }
            assertThat(applied.keySet()).as("every migration in the registry's jar, applied")
                    .containsExactlyInAnyOrderElementsOf(migrations());
            assertThat(applied.values()).as("each applied once").containsOnly(1);

            long migrated = 0;
            for (Path log : logs) {
                if (Files.readString(log).contains("Successfully applied")) {
                    migrated++;
                }
            }
            assertThat(migrated).as("replicas that ran the migrations (the other waited and found them done)").isEqualTo(1);
        } finally {
            replicas.forEach(r -> r.thenAccept(ServiceProcess::close)); // now if started, else once it is
        }
    }

    private static Map<String, String> environment() {
        return Map.of("ELECTA_DB", DATABASE,
                "ELECTA_TOKEN_KEYS", TestTokens.publicKeys(),
                "ELECTA_TOKEN_ISSUER", TestTokens.ISSUER);
    }

    private static void emptyDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(JDBC, "electa", "electa"); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS public CASCADE");
            s.execute("CREATE SCHEMA public");
        }
    }

    /** Versions of db/migration (V<n>__*.sql) and db/shared's repeatable scripts (as Flyway names them). */
    private static Set<String> migrations() throws Exception {
        Set<String> expected = new TreeSet<>();
        // <root>/registry-service/target/quarkus-app/quarkus-run.jar
        Path root = ServiceProcess.jarOf("registry-service").toAbsolutePath().getParent().getParent().getParent().getParent();
        try (Stream<Path> files = Files.list(root.resolve("registry-service/src/main/resources/db/migration"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("V"))
                    .forEach(f -> expected.add(f.substring(1, f.indexOf("__"))));
        }
        try (Stream<Path> files = Files.list(root.resolve("service-support/src/main/resources/db/shared"))) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.startsWith("R__")).forEach(f -> expected.add("db/shared/" + f));
        }
        return expected;
    }

    private static void await(CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
