package io.electa.support.audit;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a change acts on and how it ended, read from its request and answer by their field
 * names, so that every RPC is described the same way without a list kept by hand: the target is
 * every non-empty identifying field ({@code *_id} or {@code *_code}, request_id and election_id
 * aside) of the message and of its singular sub-messages, as "name=value" pairs; the outcome is
 * the first {@code status} enum found the same way, else "OK".
 */
final class Targets {
    private static final int MAX_VALUE = 100;
    private static final int MAX_TARGET = 2_000;
    private static final String ELECTION_ID = "election_id";
    private static final Map<Descriptor, List<FieldDescriptor>> SINGULAR_FIELDS = new ConcurrentHashMap<>();

    private Targets() {
    }

    static String electionOf(Message request) {
        Object found = firstNamed(request, ELECTION_ID, 0);
        return found instanceof String id ? id : "";
    }

    static String of(Message request) {
        Map<String, String> pairs = new LinkedHashMap<>();
        collect(request, pairs, 0);
        return join(pairs);
    }

    /** {@code target} with the identifying fields of {@code answer} it does not name yet. */
    static String extend(String target, Message answer) {
        Map<String, String> pairs = new LinkedHashMap<>();
        collect(answer, pairs, 0);
        StringBuilder extended = new StringBuilder(target);
        pairs.forEach((name, value) -> {
            String pair = name + "=" + value;
            if (!(" " + target + " ").contains(" " + pair + " ")) {
                extended.append(extended.isEmpty() ? "" : " ").append(pair);
            }
        });
        return cut(extended.toString(), MAX_TARGET);
    }

    static String outcomeOf(Message answer) {
        Object status = firstNamed(answer, "status", 0);
        return status instanceof com.google.protobuf.Descriptors.EnumValueDescriptor value ? value.getName() : "OK";
    }

    private static void collect(Message message, Map<String, String> pairs, int depth) {
        for (FieldDescriptor descriptor : singularFields(message.getDescriptorForType())) {
            if (!message.hasField(descriptor)) {
                continue;
            }
            if (descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                if (depth == 0) {
                    collect((Message) message.getField(descriptor), pairs, depth + 1);
                }
            } else if (descriptor.getJavaType() == FieldDescriptor.JavaType.STRING
                    && identifying(descriptor.getName())) {
                pairs.putIfAbsent(descriptor.getName(), cut((String) message.getField(descriptor), MAX_VALUE));
            }
        }
    }

    /**
     * The singular fields of a message type in field-number order (the order protobuf lists set
     * fields in), worked out once per type: reading a request's fields one by one allocates
     * nothing, where {@code getAllFields()} built a sorted map of them on every call.
     */
    private static List<FieldDescriptor> singularFields(Descriptor type) {
        return SINGULAR_FIELDS.computeIfAbsent(type, t -> t.getFields().stream()
                .filter(field -> !field.isRepeated())
                .sorted(Comparator.comparingInt(FieldDescriptor::getNumber))
                .toList());
    }

    private static boolean identifying(String name) {
        return (name.endsWith("_id") || name.endsWith("_code")) && !name.equals("request_id")
                && !name.equals(ELECTION_ID);
    }

    private static Object firstNamed(Message message, String name, int depth) {
        FieldDescriptor named = message.getDescriptorForType().findFieldByName(name);
        if (named != null && !named.isRepeated() && message.hasField(named)) {
            return message.getField(named);
        }
        if (depth == 0) {
            for (FieldDescriptor field : singularFields(message.getDescriptorForType())) {
                if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && message.hasField(field)) {
                    Object found = firstNamed((Message) message.getField(field), name, depth + 1);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    private static String join(Map<String, String> pairs) {
        StringBuilder joined = new StringBuilder();
        pairs.forEach((name, value) -> joined.append(joined.isEmpty() ? "" : " ").append(name).append('=').append(value));
        return cut(joined.toString(), MAX_TARGET);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
