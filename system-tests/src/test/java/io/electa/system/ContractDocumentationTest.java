package io.electa.system;

import static org.assertj.core.api.Assertions.assertThat;

import build.buf.validate.FieldRules;
import build.buf.validate.Ignore;
import build.buf.validate.StringRules;
import build.buf.validate.ValidateProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import com.google.rpc.Code;
import io.electa.common.v1.ErrorReason;
import io.electa.common.v1.RulesProto;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The contract documents what the services promise, in a form a machine can read: every RPC its
 * failures (codes and reasons of the contract's enums), every request field its limits. Checked
 * from the descriptors, so a new RPC or field without them fails the build.
 */
class ContractDocumentationTest {
    private static final ExtensionRegistry RULES = rules();

    @Test
    void everyRpcListsItsFailuresWithReasonsTheContractDefines() {
        List<String> problems = new ArrayList<>();
        for (Contracts.Service service : Contracts.SERVICES) {
            Set<String> known = names(service.reasons());
            known.addAll(names(ErrorReason.getDescriptor()));
            for (MethodDescriptor method : service.methods()) {
                var errors = Contracts.errorsOf(method);
                if (!errors.getCodesList().contains(Code.INVALID_ARGUMENT)) {
                    problems.add(method.getFullName() + " does not list INVALID_ARGUMENT");
                }
                for (Code code : errors.getCodesList()) {
                    if (code == Code.OK || code == Code.INTERNAL || code == Code.UNKNOWN) {
                        problems.add(method.getFullName() + " lists " + code);
                    }
                }
                for (String reason : errors.getReasonsList()) {
                    if (!known.contains(reason)) {
                        problems.add(method.getFullName() + " lists reason " + reason + ", which no ErrorReason defines");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyRequestFieldStatesItsLimits() {
        List<String> problems = new ArrayList<>();
        Set<Descriptor> seen = new HashSet<>();
        for (Contracts.Service service : Contracts.SERVICES) {
            for (MethodDescriptor method : service.methods()) {
                check(method.getInputType(), method.getInputType().getName() + ".", seen, problems);
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(Descriptor type, String prefix, Set<Descriptor> seen, List<String> problems) {
        if (!seen.add(type) || type.equals(Timestamp.getDescriptor())) {
            return;
        }
        for (FieldDescriptor field : type.getFields()) {
            String name = prefix + field.getName();
            FieldRules rules = rulesOf(field);
            if (rules.getIgnore() == Ignore.IGNORE_ALWAYS
                    || rules.getRepeated().getItems().getIgnore() == Ignore.IGNORE_ALWAYS) {
                continue;
            }
            if (field.isRepeated() && !rules.getRepeated().hasMaxItems()) {
                problems.add(name + " has no max_items");
            }
            FieldRules item = field.isRepeated() && rules.getRepeated().hasItems() ? rules.getRepeated().getItems() : rules;
            switch (field.getJavaType()) {
                case STRING -> {
                    if (!bounded(item.getString()) && !bounded(rules.getString())) {
                        problems.add(name + " has no length limit");
                    }
                }
                case ENUM -> {
                    if (!item.getEnum().getDefinedOnly()) {
                        problems.add(name + " accepts enum values the contract does not define");
                    }
                }
                case MESSAGE -> {
                    if (field.getMessageType().equals(Timestamp.getDescriptor())
                            && !item.getTimestamp().hasExtension(RulesProto.moment)) {
                        problems.add(name + " has no range");
                    }
                    check(field.getMessageType(), field.getMessageType().getName() + ".", seen, problems);
                }
                default -> {
                }
            }
        }
    }

    /** Whether the rules bound a string's length: a maximum, a format of bounded length, a list. */
    private static boolean bounded(StringRules rules) {
        return rules.hasMaxLen() || rules.hasLen() || rules.hasMaxBytes() || rules.getUuid() || rules.getInCount() > 0
                || rules.hasExtension(RulesProto.id) || rules.hasExtension(RulesProto.code)
                || rules.hasExtension(RulesProto.requestId) || rules.hasExtension(RulesProto.nationalId)
                || rules.hasExtension(RulesProto.pageToken) || rules.hasExtension(RulesProto.country)
                || rules.hasPattern() && rules.getPattern().matches(".*\\{\\d+(,\\d+)?}\\$?$");
    }

    private static FieldRules rulesOf(FieldDescriptor field) {
        try {
            return FieldRules.parseFrom(field.getOptions().getExtension(ValidateProto.field).toByteString(), RULES);
        } catch (InvalidProtocolBufferException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> names(EnumDescriptor reasons) {
        Set<String> names = new HashSet<>();
        reasons.getValues().forEach(value -> names.add(value.getName()));
        names.removeIf(name -> name.endsWith("_UNSPECIFIED"));
        return names;
    }

    private static ExtensionRegistry rules() {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        ValidateProto.registerAllExtensions(registry);
        RulesProto.registerAllExtensions(registry);
        return registry;
    }
}
