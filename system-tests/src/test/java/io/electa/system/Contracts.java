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

    /** Every service of the contracts: found in the generated classes, so that a new one cannot be missed. */
    static final List<Service> SERVICES = discover();

    private Contracts() {
    }

    /**
     * The services of every {@code io.electa.<service>.v1.*Proto} class generated from the contracts,
     * each with the service's ErrorReason enum and the channel of the process that serves it.
     */
    private static List<Service> discover() {
        List<Service> services = new java.util.ArrayList<>();
        for (String className : protoClasses()) {
            try {
                var descriptor = (com.google.protobuf.Descriptors.FileDescriptor) Class.forName(className)
                        .getMethod("getDescriptor").invoke(null);
                for (ServiceDescriptor service : descriptor.getServices()) {
                    String pkg = descriptor.getPackage();
                    String owner = pkg.split("\\.")[1];
                    EnumDescriptor reasons = ((com.google.protobuf.Descriptors.EnumDescriptor) Class
                            .forName("io.electa." + owner + ".v1.ErrorReason").getMethod("getDescriptor").invoke(null));
                    services.add(new Service(service, reasons, switch (owner) {
                        case "registry" -> suite -> suite.registryChannel;
                        case "tally" -> suite -> suite.tallyChannel;
                        case "observer" -> suite -> suite.observerChannel;
                        default -> throw new IllegalStateException("no process serves " + service.getFullName());
                    }));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        services.sort(java.util.Comparator.comparing(s -> s.descriptor().getFullName()));
        return List.copyOf(services);
    }

    /** The outer classes of the contracts' files, from the contracts jar (or classes folder). */
    private static List<String> protoClasses() {
        try {
            java.nio.file.Path location = java.nio.file.Path.of(io.electa.registry.v1.RegistryServiceProto.class
                    .getProtectionDomain().getCodeSource().getLocation().toURI());
            java.util.function.Predicate<String> outer =
                    name -> name.matches("io/electa/[a-z]+/v1/[A-Za-z]+Proto\\.class");
            List<String> names;
            if (java.nio.file.Files.isDirectory(location)) {
                try (var files = java.nio.file.Files.walk(location)) {
                    names = files.map(f -> location.relativize(f).toString().replace('\\', '/')).filter(outer).toList();
                }
            } else {
                try (var jar = new java.util.jar.JarFile(location.toFile())) {
                    names = jar.stream().map(java.util.jar.JarEntry::getName).filter(outer).toList();
                }
            }
            return names.stream().map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).toList();
        } catch (java.io.IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the contracts' classes", e);
        }
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

    /**
     * Whether an RPC changes something under a request_id: its request's, its stream header's,
     * or (a poll book) each item's of its stream.
     */
    static boolean isMutation(MethodDescriptor method) {
        Descriptor request = method.getInputType();
        if (request.findFieldByName("request_id") != null) {
            return true;
        }
        var payload = request.findFieldByName("header");
        return payload != null && (payload.getMessageType().findFieldByName("request_id") != null
                || hasItemRequestIds(request));
    }

    /** Whether a stream's messages carry lists of items with request_ids of their own. */
    static boolean hasItemRequestIds(Descriptor request) {
        return request.getFields().stream()
                .filter(f -> f.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor.JavaType.MESSAGE)
                .flatMap(f -> f.getMessageType().getFields().stream())
                .anyMatch(f -> f.isRepeated() && f.getJavaType() == com.google.protobuf.Descriptors.FieldDescriptor
                        .JavaType.MESSAGE && f.getMessageType().findFieldByName("request_id") != null);
    }

    static Service serviceOf(MethodDescriptor method) {
        return SERVICES.stream().filter(s -> s.descriptor().equals(method.getService())).findFirst().orElseThrow();
    }
}
