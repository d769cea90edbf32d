package io.electa.support.inbound;

import build.buf.protovalidate.Config;
import build.buf.protovalidate.ValidationResult;
import build.buf.protovalidate.Validator;
import build.buf.protovalidate.ValidatorFactory;
import build.buf.protovalidate.exceptions.ValidationException;
import build.buf.validate.FieldPathElement;
import build.buf.validate.ValidateProto;
import build.buf.validate.Violation;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.Message;
import io.electa.common.v1.FieldViolationReason;
import io.electa.common.v1.RulesProto;
import io.electa.support.domain.FieldViolation;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The input rules the contract states for every request (buf.validate field and message rules,
 * with Electa's predefined rules from electa/common/v1/rules.proto), checked with protovalidate:
 * the one source of both the documentation and the validation.
 */
public final class ContractRules {
    private static final Logger LOG = Logger.getLogger(ContractRules.class);
    private static final Validator VALIDATOR = ValidatorFactory.newBuilder().withConfig(config()).build();

    private ContractRules() {
    }

    /** Every rule {@code request} breaks; empty when it keeps them all. */
    public static List<FieldViolation> violations(Message request) {
        List<FieldViolation> found = new ArrayList<>(WellFormedTimes.violations(request));
        if (!found.isEmpty()) {
            return found;
        }
        try {
            ValidationResult result = VALIDATOR.validate(request);
            for (var violation : result.getViolations()) {
                found.add(toFieldViolation(violation.toProto()));
            }
        } catch (ValidationException e) {
            LOG.warnf("the rules of %s could not be evaluated: %s", request.getDescriptorForType().getFullName(),
                    e.getMessage());
            found.add(new FieldViolation("", FieldViolationReason.MALFORMED,
                    "the request could not be checked against the contract's rules"));
        }
        return found;
    }

    private static FieldViolation toFieldViolation(Violation violation) {
        return new FieldViolation(path(violation.getField().getElementsList()), reasonOf(violation.getRuleId()),
                violation.getMessage().isEmpty() ? "breaks rule " + violation.getRuleId() : violation.getMessage());
    }

    /** "a.b[2].c" from protovalidate's field path. */
    private static String path(List<FieldPathElement> elements) {
        StringBuilder path = new StringBuilder();
        for (FieldPathElement element : elements) {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(element.getFieldName());
            switch (element.getSubscriptCase()) {
                case INDEX -> path.append('[').append(element.getIndex()).append(']');
                case STRING_KEY -> path.append("[\"").append(element.getStringKey()).append("\"]");
                case INT_KEY -> path.append('[').append(element.getIntKey()).append(']');
                case UINT_KEY -> path.append('[').append(element.getUintKey()).append(']');
                case BOOL_KEY -> path.append('[').append(element.getBoolKey()).append(']');
                default -> {
                }
            }
        }
        return path.toString();
    }

    /** The documented reason of a broken rule, from the rule's id (e.g. "string.max_len"). */
    static FieldViolationReason reasonOf(String ruleId) {
        String rule = ruleId.substring(ruleId.lastIndexOf('.') + 1);
        if (ruleId.equals("required") || rule.equals("required")) {
            return FieldViolationReason.REQUIRED;
        }
        if (rule.startsWith("max_")) {
            return FieldViolationReason.TOO_LONG;
        }
        if (rule.startsWith("min_")) {
            return FieldViolationReason.TOO_SHORT;
        }
        if (ruleId.startsWith("enum.")) {
            return FieldViolationReason.UNKNOWN_ENUM_VALUE;
        }
        if (rule.equals("unique")) {
            return FieldViolationReason.DUPLICATE;
        }
        if (rule.startsWith("gt") || rule.startsWith("lt") || rule.equals("page_size") || rule.equals("moment")
                || rule.equals("date")) {
            return FieldViolationReason.OUT_OF_RANGE;
        }
        return FieldViolationReason.MALFORMED;
    }

    private static Config config() {
        ExtensionRegistry extensions = ExtensionRegistry.newInstance();
        ValidateProto.registerAllExtensions(extensions);
        RulesProto.registerAllExtensions(extensions);
        return Config.newBuilder().setExtensionRegistry(extensions).build();
    }
}
