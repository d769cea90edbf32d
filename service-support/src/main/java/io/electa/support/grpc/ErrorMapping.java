package io.electa.support.grpc;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.ExceptionHandler;
import io.quarkus.grpc.ExceptionHandlerProvider;
import jakarta.enterprise.context.ApplicationScoped;

/** Routes every failure of every gRPC service through {@link GrpcErrors}. */
@ApplicationScoped
public class ErrorMapping implements ExceptionHandlerProvider {

    @Override
    public <ReqT, RespT> ExceptionHandler<ReqT, RespT> createHandler(ServerCall.Listener<ReqT> listener,
            ServerCall<ReqT, RespT> call, Metadata metadata) {
        return new Handler<>(listener, call, metadata);
    }

    @Override
    public Throwable transform(Throwable failure) {
        return GrpcErrors.toStatus(failure);
    }

    private static final class Handler<ReqT, RespT> extends ExceptionHandler<ReqT, RespT> {
        Handler(ServerCall.Listener<ReqT> listener, ServerCall<ReqT, RespT> call, Metadata metadata) {
            super(listener, call, metadata);
        }

        @Override
        protected void handleException(Throwable failure, ServerCall<ReqT, RespT> call, Metadata metadata) {
            StatusRuntimeException status = GrpcErrors.toStatus(failure);
            Metadata trailers = status.getTrailers() != null ? status.getTrailers() : new Metadata();
            try {
                call.close(status.getStatus(), trailers);
            } catch (IllegalStateException alreadyClosed) {
                // The call ended meanwhile (e.g. cancelled by the client): nothing left to answer.
            }
        }
    }
}
