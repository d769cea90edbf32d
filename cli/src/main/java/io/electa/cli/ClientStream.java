package io.electa.cli;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A client stream (an import) sent with gRPC flow control: the next message is produced only
 * when the server can take it, so a large file streams in a small, fixed memory.
 */
public final class ClientStream {
    private ClientStream() {
    }

    /** Sends {@code first}, then every message of {@code rest}, and returns the single answer. */
    public static <Q, A> A send(Function<StreamObserver<A>, StreamObserver<Q>> open, Q first, Iterator<Q> rest) {
        CompletableFuture<A> answer = new CompletableFuture<>();
        open.apply(new ClientResponseObserver<Q, A>() {
            private ClientCallStreamObserver<Q> requests;
            private boolean headerSent;
            private boolean done;

            @Override
            public void beforeStart(ClientCallStreamObserver<Q> stream) {
                requests = stream;
                stream.setOnReadyHandler(this::pump);
            }

            private synchronized void pump() {
                try {
                    while (!done && requests.isReady()) {
                        if (!headerSent) {
                            headerSent = true;
                            requests.onNext(first);
                        } else if (rest.hasNext()) {
                            requests.onNext(rest.next());
                        } else {
                            done = true;
                            requests.onCompleted();
                        }
                    }
                } catch (RuntimeException failure) {
                    done = true;
                    requests.cancel("the client failed to produce the next message", failure);
                    answer.completeExceptionally(failure);
                }
            }

            @Override
            public void onNext(A value) {
                answer.complete(value);
            }

            @Override
            public void onError(Throwable failure) {
                answer.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                answer.complete(null);
            }
        });
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
