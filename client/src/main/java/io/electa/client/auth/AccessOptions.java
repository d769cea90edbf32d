package io.electa.client.auth;

import com.google.protobuf.Descriptors;
import io.electa.common.v1.Access;
import io.electa.common.v1.AccessProto;
import io.grpc.MethodDescriptor;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;

/** The access option (access.proto) of a gRPC method, read from the contract's descriptor it carries. */
public final class AccessOptions {
    private AccessOptions() {
    }

    /** The access option of {@code method}, or null when it has none (or carries no contract descriptor). */
    public static Access of(MethodDescriptor<?, ?> method) {
        if (!(method.getSchemaDescriptor() instanceof ProtoMethodDescriptorSupplier supplier)) {
            return null;
        }
        Descriptors.MethodDescriptor descriptor = supplier.getMethodDescriptor();
        return descriptor.getOptions().hasExtension(AccessProto.access)
                ? descriptor.getOptions().getExtension(AccessProto.access) : null;
    }
}
