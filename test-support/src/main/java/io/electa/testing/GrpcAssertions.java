package io.electa.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.rpc.BadRequest;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** What a client sees of a failed call: its status code and google.rpc details. */
public final class GrpcAssertions {
    private GrpcAssertions() {
    }

    /** Runs the call, asserts it fails with {@code code}, and returns the failure. */
    public static StatusRuntimeException failure(Status.Code code, ThrowingCallable call) {
        StatusRuntimeException[] caught = new StatusRuntimeException[1];
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).as(e.getStatus().toString()).isEqualTo(code);
                    caught[0] = e;
                });
        return caught[0];
    }

    /** The fields named in the failure's google.rpc.BadRequest. */
    public static List<String> violatedFields(StatusRuntimeException e) {
        return fieldViolations(e).stream().map(BadRequest.FieldViolation::getField).toList();
    }

    /** The field violations of the failure's google.rpc.BadRequest. */
    public static List<BadRequest.FieldViolation> fieldViolations(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertThat(status).as("google.rpc.Status details").isNotNull();
        return status.getDetailsList().stream()
                .filter(any -> any.is(BadRequest.class))
                .flatMap(any -> unpack(any, BadRequest.class).getFieldViolationsList().stream())
                .toList();
    }

    /** The failure's google.rpc.ErrorInfo. */
    public static ErrorInfo errorInfo(StatusRuntimeException e) {
        com.google.rpc.Status status = StatusProto.fromThrowable(e);
        assertThat(status).as("google.rpc.Status details").isNotNull();
        return status.getDetailsList().stream()
                .filter(any -> any.is(ErrorInfo.class))
                .map(any -> unpack(any, ErrorInfo.class))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ErrorInfo in " + status));
    }

    private static <T extends Message> T unpack(Any any, Class<T> type) {
        try {
            return any.unpack(type);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }
}
