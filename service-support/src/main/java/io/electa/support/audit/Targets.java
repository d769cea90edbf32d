package io.electa.support.audit;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.LinkedHashMap;
import java.util.Map;

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
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            FieldDescriptor descriptor = field.getKey();
            if (descriptor.isRepeated()) {
                continue;
            }
            if (descriptor.getJavaType() == FieldDescriptor.JavaType.MESSAGE && depth == 0) {
                collect((Message) field.getValue(), pairs, depth + 1);
            } else if (field.getValue() instanceof String value && identifying(descriptor.getName())) {
                pairs.putIfAbsent(descriptor.getName(), cut(value, MAX_VALUE));
            }
        }
    }

    private static boolean identifying(String name) {
        return (name.endsWith("_id") || name.endsWith("_code")) && !name.equals("request_id")
                && !name.equals(ELECTION_ID);
    }

    private static Object firstNamed(Message message, String name, int depth) {
        for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
            if (!field.getKey().isRepeated() && field.getKey().getName().equals(name)) {
                return field.getValue();
            }
        }
        if (depth == 0) {
            for (Map.Entry<FieldDescriptor, Object> field : message.getAllFields().entrySet()) {
                if (!field.getKey().isRepeated() && field.getValue() instanceof Message inner) {
                    Object found = firstNamed(inner, name, depth + 1);
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
