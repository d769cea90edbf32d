package io.electa.system;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import io.electa.common.v1.AuditEvent;
import io.electa.common.v1.AuditFilter;
import io.grpc.Status;
import java.time.Duration;
import java.util.List;

/** The audit trail of the process that serves an RPC, read through its ListAuditEvents. */
final class AuditTrails {
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    private AuditTrails() {
    }

    /** The events of {@code requestId} in the trail of the process serving {@code rpc}. */
    static List<AuditEvent> ofRequest(MethodDescriptor rpc, String requestId) {
        MethodDescriptor list = listOf(rpc);
        DynamicMessage request = DynamicMessage.newBuilder(list.getInputType())
                .setField(list.getInputType().findFieldByName("filter"),
                        AuditFilter.newBuilder().setRequestId(requestId).build())
                .build();
        RawCall.Answer answer = RawCall.call(Contracts.serviceOf(list).channel().apply(Suite.get()), list,
                List.of(request.toByteArray()), DEADLINE);
        if (answer.status().getCode() != Status.Code.OK) {
            throw new AssertionError(list.getFullName() + " failed: " + answer.status());
        }
        try {
            DynamicMessage response = DynamicMessage.parseFrom(list.getOutputType(), answer.messages().get(0));
            List<?> events = (List<?>) response.getField(list.getOutputType().findFieldByName("events"));
            return events.stream().map(event -> {
                try {
                    return AuditEvent.parseFrom(((com.google.protobuf.Message) event).toByteString());
                } catch (InvalidProtocolBufferException e) {
                    throw new AssertionError(e);
                }
            }).toList();
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    /** The gRPC full method name of {@code rpc}, as audit events name it ("pkg.Service/Method"). */
    static String grpcName(MethodDescriptor rpc) {
        return rpc.getService().getFullName() + "/" + rpc.getName();
    }

    /** ListAuditEvents of the service in {@code rpc}'s package that keeps the process's trail. */
    private static MethodDescriptor listOf(MethodDescriptor rpc) {
        return Contracts.SERVICES.stream()
                .flatMap(service -> service.methods().stream())
                .filter(m -> m.getName().equals("ListAuditEvents")
                        && m.getFile().getPackage().equals(rpc.getFile().getPackage()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ListAuditEvents in " + rpc.getFile().getPackage()));
    }
}
