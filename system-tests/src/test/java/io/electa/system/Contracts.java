package io.electa.system;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import io.electa.common.v1.ErrorContract;
import io.electa.common.v1.ErrorsProto;
import io.grpc.Channel;
import io.grpc.Status;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every Electa service of the contracts, read from their descriptors (never a hand-kept list of RPCs). */
final class Contracts {
    /** One service of the contracts and the process that serves it. */
    record Service(ServiceDescriptor descriptor, EnumDescriptor reasons, Function<Suite, Channel> channel) {
        List<MethodDescriptor> methods() {
            return descriptor.getMethods();
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service(io.electa.registry.v1.RegistryServiceProto.getDescriptor().findServiceByName("RegistryService"),
                    io.electa.registry.v1.ErrorReason.getDescriptor(), suite -> suite.registryChannel),
            new Service(io.electa.registry.v1.RollImportServiceProto.getDescriptor()
                    .findServiceByName("RollImportService"),
                    io.electa.registry.v1.ErrorReason.getDescriptor(), suite -> suite.registryChannel),
            new Service(io.electa.tally.v1.TallyServiceProto.getDescriptor().findServiceByName("TallyService"),
                    io.electa.tally.v1.ErrorReason.getDescriptor(), suite -> suite.tallyChannel),
            new Service(io.electa.observer.v1.ObserverServiceProto.getDescriptor().findServiceByName("ObserverService"),
                    io.electa.observer.v1.ErrorReason.getDescriptor(), suite -> suite.observerChannel));

    private Contracts() {
    }

    /** The RPC's errors option. */
    static ErrorContract errorsOf(MethodDescriptor method) {
        return method.getOptions().getExtension(ErrorsProto.errors);
    }

    /** The status codes an RPC documents, with OK. */
    static Set<Status.Code> documentedCodes(MethodDescriptor method) {
        Set<Status.Code> codes = errorsOf(method).getCodesList().stream()
                .map(code -> Status.fromCodeValue(code.getNumber()).getCode())
                .collect(Collectors.toSet());
        codes.add(Status.Code.OK);
        return codes;
    }

    /** Whether the RPC changes something: its request carries a request_id. */
    static boolean isMutation(MethodDescriptor method) {
        Descriptor request = method.getInputType();
        if (request.findFieldByName("request_id") != null) {
            return true;
        }
        var payload = request.findFieldByName("header");
        return payload != null && payload.getMessageType().findFieldByName("request_id") != null;
    }

    static Service serviceOf(MethodDescriptor method) {
        return SERVICES.stream().filter(s -> s.descriptor().equals(method.getService())).findFirst().orElseThrow();
    }
}
