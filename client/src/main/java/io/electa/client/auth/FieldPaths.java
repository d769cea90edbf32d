package io.electa.client.auth;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/** Reading a request field named by a dotted path, as the access option's targets name them. */
public final class FieldPaths {
    private FieldPaths() {
    }

    /**
     * The string at {@code path} in {@code message} (empty when unset); null where a message on the
     * way is unset. A path that names no string field of the message is a defect of the contract.
     */
    public static String valueAt(Message message, String path) {
        Message current = message;
        String[] names = path.split("\\.");
        for (int i = 0; i < names.length; i++) {
            FieldDescriptor field = current.getDescriptorForType().findFieldByName(names[i]);
            boolean last = i == names.length - 1;
            if (field == null || field.isRepeated() || field.getJavaType() != (last ? FieldDescriptor.JavaType.STRING
                    : FieldDescriptor.JavaType.MESSAGE)) {
                throw new IllegalStateException("access target " + path + " is not a string field of "
                        + message.getDescriptorForType().getFullName());
            }
            if (last) {
                return (String) current.getField(field);
            }
            if (!current.hasField(field)) {
                return null;
            }
            current = (Message) current.getField(field);
        }
        return null;
    }
}
