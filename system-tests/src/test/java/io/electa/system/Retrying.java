package io.electa.system;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * How a well-behaved client retries through an outage: the same request (same request_id)
 * again after a short pause while the answer is UNAVAILABLE or the deadline passed, until it
 * gets an answer. Every other code is an answer. It remembers every code it saw.
 */
final class Retrying {
    private static final Set<Status.Code> RETRY = EnumSet.of(Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED);
    private final Set<Status.Code> seen = Collections.synchronizedSet(new HashSet<>());
    private final Duration patience;

    Retrying(Duration patience) {
        this.patience = patience;
    }

    /** The first answer that is not "try again": the response, or the final failure. */
    <T> T call(Supplier<T> attempt) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            try {
                T answer = attempt.get();
                seen.add(Status.Code.OK);
                return answer;
            } catch (StatusRuntimeException e) {
                seen.add(e.getStatus().getCode());
                if (!RETRY.contains(e.getStatus().getCode()) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Every status code any call answered, OK included. */
    Set<Status.Code> seen() {
        return Set.copyOf(seen);
    }
}
