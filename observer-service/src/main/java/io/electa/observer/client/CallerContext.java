package io.electa.observer.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Answers of other services arrive on gRPC's threads; the caller's next step (a Hibernate
 * Reactive session) must run on the caller's Vert.x context again.
 */
final class CallerContext {
    private CallerContext() {
    }

    static <T> Uni<T> resumeOn(Supplier<Uni<T>> call) {
        return Uni.createFrom().deferred(() -> {
            Context context = Vertx.currentContext();
            Uni<T> answer = call.get();
            return context == null ? answer : answer.emitOn(task -> context.runOnContext(ignored -> task.run()));
        });
    }
}
