package io.electa.tally.grpc;

import io.electa.common.v1.FieldViolationReason;
import io.electa.support.domain.Codes;
import io.electa.support.domain.Violations;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.NominationType;
import io.electa.tally.v1.ProtocolStatus;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of tally requests that relate fields to each other, which the contract's field
 * rules cannot state; every field's own limits are checked before a request gets here.
 */
final class Rules {
    private static final String NOT_OURS = "is not a token this service issued";

    private Rules() {
    }

    /** The statuses to filter by; empty (any) when none or UNSPECIFIED is given. */
    static List<ProtocolStatus> statuses(List<ProtocolStatus> given) {
        return given.contains(ProtocolStatus.PROTOCOL_STATUS_UNSPECIFIED) ? List.of() : List.copyOf(new HashSet<>(given));
    }

    /** Codes unique, ballot orders exactly 1..n, a party named exactly for a party's candidate. */
    static void candidates(List<CandidateDefinition> list, Violations violations) {
        Set<String> codes = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            CandidateDefinition c = list.get(i);
            String at = "candidates[" + i + "].";
            violations.check(codes.add(c.getCandidateCode()), at + "candidate_code", FieldViolationReason.DUPLICATE,
                            "is listed more than once")
                    .check(c.getBallotOrder() <= list.size(), at + "ballot_order", FieldViolationReason.OUT_OF_RANGE,
                            "must be 1.." + list.size())
                    .check(orders.add(c.getBallotOrder()), at + "ballot_order", FieldViolationReason.DUPLICATE,
                            "is given to more than one candidate");
            boolean party = c.getNominationType() == NominationType.NOMINATION_TYPE_PARTY;
            violations.check(!party || !c.getPartyName().isEmpty(), at + "party_name", FieldViolationReason.REQUIRED,
                            "is required for a party's candidate")
                    .check(party || c.getPartyName().isEmpty(), at + "party_name", FieldViolationReason.INCONSISTENT,
                            "must be empty for a self-nominated candidate");
        }
    }

    /** A page key that is a number (ballot order), 0 for the first page. */
    static int afterNumber(String key, Violations violations) {
        if (key.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(key);
        } catch (NumberFormatException e) {
            violations.check(false, "page_token", FieldViolationReason.MALFORMED, NOT_OURS);
            return 0;
        }
    }

    /** A page key "station/version" of protocol listings. */
    static String afterVersionKey(String key, Violations violations) {
        if (key.isEmpty()) {
            return key;
        }
        int slash = key.lastIndexOf('/');
        boolean ok = slash > 0 && Codes.isCode(key.substring(0, slash))
                && key.substring(slash + 1).matches("[0-9]{1,9}");
        violations.check(ok, "page_token", FieldViolationReason.MALFORMED, NOT_OURS);
        return ok ? key : "";
    }
}
