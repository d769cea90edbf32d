package io.electa.support.lifecycle;

import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.quarkus.grpc.runtime.health.GrpcHealthStorage;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What the gRPC health service (grpc.health.v1) says: SERVING only while the service's database
 * answers (checked every {@code electa.health.interval}) and the service is not shutting down,
 * for the whole server and for each of its services. So a native gRPC probe takes a pod whose
 * database is gone out of rotation, as the HTTP readiness check does.
 */
@ApplicationScoped
public class Serving {
    private static final Logger LOG = Logger.getLogger(Serving.class);
    private static final Duration CHECK_TIMEOUT = Duration.ofSeconds(2);

    private final GrpcHealthStorage storage;
    private final Pool pool;
    private final Vertx vertx;
    private final Duration interval;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile Boolean serving;

    public Serving(GrpcHealthStorage storage, Pool pool, Vertx vertx,
            @ConfigProperty(name = "electa.health.interval", defaultValue = "2s") Duration interval) {
        this.storage = storage;
        this.pool = pool;
        this.vertx = vertx;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        check();
        vertx.setPeriodic(interval.toMillis(), id -> check());
    }

    /** From now on NOT_SERVING, for good: the service is shutting down. */
    void stop() {
        stopping.set(true);
        set(false);
    }

    private void check() {
        if (stopping.get()) {
            return;
        }
        pool.query("SELECT 1").execute()
                .ifNoItem().after(CHECK_TIMEOUT).fail()
                .map(rows -> true)
                .onFailure().recoverWithItem(false)
                .subscribe().with(up -> {
                    if (!stopping.get()) {
                        set(up);
                    }
                });
    }

    private synchronized void set(boolean up) {
        if (serving == null || serving != up) {
            LOG.infof("gRPC health: %s (the database %s)", up ? "SERVING" : "NOT_SERVING",
                    up ? "answers" : stopping.get() ? "is being left: shutting down" : "does not answer");
        }
        serving = up;
        ServingStatus status = up ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        storage.getStatuses().keySet().forEach(service -> storage.setStatus(service, status));
        storage.setStatus(GrpcHealthStorage.DEFAULT_SERVICE_NAME, status);
    }
}
