package io.electa.benchmarks;

import io.grpc.stub.StreamObserver;
import java.util.concurrent.CompletableFuture;

/** Turns the single answer of a client-streaming call into a future. */
final class Answer {
    private Answer() {
    }

    static <T> StreamObserver<T> into(CompletableFuture<T> future) {
        return new StreamObserver<>() {
            @Override
            public void onNext(T value) {
                future.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                future.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                future.completeExceptionally(new IllegalStateException("the call ended without an answer"));
            }
        };
    }
}
