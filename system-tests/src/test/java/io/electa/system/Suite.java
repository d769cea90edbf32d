package io.electa.system;

import io.electa.testing.TestTokens;
import io.electa.testing.LocalService;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The three packaged services as real processes on free ports, each against its own database on
 * the local PostgreSQL (cleaned when the suite starts), shared by the system tests of one run.
 */
final class Suite {
    static final String HOST_PORT = "127.0.0.1:5432/";
    static final String REGISTRY_DB = "electa_registry_it";
    static final String TALLY_DB = "electa_tally_it";
    static final String OBSERVER_DB = "electa_observer_it";

    private static Suite running;

    final LocalService registry;
    final LocalService tally;
    final LocalService observer;
    final ManagedChannel registryChannel;
    final ManagedChannel tallyChannel;
    final ManagedChannel observerChannel;

    private Suite() {
        registry = LocalService.registry(HOST_PORT + REGISTRY_DB);
        tally = LocalService.tally(HOST_PORT + TALLY_DB, registry.port());
        observer = LocalService.observer(HOST_PORT + OBSERVER_DB, registry.port(), tally.port());
        registryChannel = channel(registry.port());
        tallyChannel = channel(tally.port());
        observerChannel = channel(observer.port());
    }

    /** The suite, started on first use. */
    static synchronized Suite get() {
        if (running == null) {
            running = new Suite();
        }
        return running;
    }

    static ManagedChannel channel(int port) {
        return ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().intercept(TestTokens.acting())
                .maxInboundMessageSize(32 << 20).build();
    }

    /** A JDBC connection to one of the services' databases. */
    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + HOST_PORT + name, "electa", "electa");
    }
}
