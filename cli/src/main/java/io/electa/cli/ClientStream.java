package io.electa.cli;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * A client stream (an import, a poll book upload) sent with gRPC flow control: the next message
 * is produced only when the server can take it, so a large file streams in a small, fixed memory.
 */
public final class ClientStream {
    private ClientStream() {
    }

    /** Sends {@code first}, then every message of {@code rest}, and returns the single answer. */
    public static <Q, A> A send(Function<StreamObserver<A>, StreamObserver<Q>> open, Q first, Iterator<Q> rest) {
        try {
            List<A> answers = exchange(open, first, rest).get();
            return answers.isEmpty() ? null : answers.get(0);
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

    /**
     * Sends {@code first}, then every message of {@code rest}, and completes with every answer
     * the server streamed back once it has ended the call (or with its failure).
     */
    public static <Q, A> CompletableFuture<List<A>> exchange(Function<StreamObserver<A>, StreamObserver<Q>> open,
            Q first, Iterator<Q> rest) {
        CompletableFuture<List<A>> done = new CompletableFuture<>();
        List<A> answers = new ArrayList<>();
        open.apply(new ClientResponseObserver<Q, A>() {
            private ClientCallStreamObserver<Q> requests;
            private boolean headerSent;
            private boolean finished;

            @Override
            public void beforeStart(ClientCallStreamObserver<Q> stream) {
                requests = stream;
                stream.setOnReadyHandler(this::pump);
            }

            private synchronized void pump() {
                try {
                    while (!finished && requests.isReady()) {
                        if (!headerSent) {
                            headerSent = true;
                            requests.onNext(first);
                        } else if (rest.hasNext()) {
                            requests.onNext(rest.next());
                        } else {
                            finished = true;
                            requests.onCompleted();
                        }
                    }
                } catch (RuntimeException failure) {
                    finished = true;
                    requests.cancel("the client failed to produce the next message", failure);
                    done.completeExceptionally(failure);
                }
            }

            @Override
            public void onNext(A value) {
                synchronized (answers) {
                    answers.add(value);
                }
            }

            @Override
            public void onError(Throwable failure) {
                done.completeExceptionally(failure);
            }

            @Override
            public void onCompleted() {
                synchronized (answers) {
                    done.complete(List.copyOf(answers));
                }
            }
        });
        return done;
    }
}
