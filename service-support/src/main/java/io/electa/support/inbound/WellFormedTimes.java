package io.electa.support.inbound;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.electa.common.v1.FieldViolationReason;
import io.electa.support.domain.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every google.protobuf.Timestamp in a request must be one that protobuf defines at all
 * (0001-01-01 to 9999-12-31, nanos 0..999,999,999) before any rule compares it with
 * anything: a field such as {seconds: 2^63-1} is refused here as OUT_OF_RANGE, naming the field.
 * Message types without a Timestamp anywhere below them are not walked.
 */
final class WellFormedTimes {
    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;
    private static final Map<Descriptor, Boolean> HOLDS_TIMES = new ConcurrentHashMap<>();

    private WellFormedTimes() {
    }

    static List<FieldViolation> violations(Message message) {
        List<FieldViolation> found = new ArrayList<>();
        walk(message, "", found);
        return found;
    }

    private static void walk(Message message, String prefix, List<FieldViolation> found) {
        if (!holdsTimes(message.getDescriptorForType())) {
            return;
        }
        for (Map.Entry<FieldDescriptor, Object> entry : message.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            String path = prefix + field.getName();
            if (field.isRepeated()) {
                List<?> items = (List<?>) entry.getValue();
                for (int i = 0; i < items.size(); i++) {
                    check((Message) items.get(i), path + "[" + i + "]", found);
                }
            } else {
                check((Message) entry.getValue(), path, found);
            }
        }
    }

    private static void check(Message value, String path, List<FieldViolation> found) {
        if (value instanceof Timestamp time) {
            boolean ok = time.getSeconds() >= MIN_SECONDS && time.getSeconds() <= MAX_SECONDS
                    && time.getNanos() >= 0 && time.getNanos() <= 999_999_999;
            if (!ok) {
                found.add(new FieldViolation(path, FieldViolationReason.OUT_OF_RANGE,
                        "is not a valid time (0001-01-01 to 9999-12-31, nanos 0 to 999999999)"));
            }
            return;
        }
        walk(value, path + ".", found);
    }

    private static boolean holdsTimes(Descriptor type) {
        Boolean known = HOLDS_TIMES.get(type);
        if (known == null) {
            known = search(type, new java.util.HashSet<>());
            HOLDS_TIMES.put(type, known);
        }
        return known;
    }

    private static boolean search(Descriptor type, java.util.Set<Descriptor> visiting) {
        if (type.getFullName().equals(Timestamp.getDescriptor().getFullName())) {
            return true;
        }
        if (!visiting.add(type)) {
            return false;
        }
        for (FieldDescriptor field : type.getFields()) {
            if (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE && search(field.getMessageType(), visiting)) {
                return true;
            }
        }
        return false;
    }
}
