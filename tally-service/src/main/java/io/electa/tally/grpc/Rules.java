package io.electa.tally.grpc;

import io.electa.support.domain.Codes;
import io.electa.support.domain.Violations;
import io.electa.tally.v1.CandidateDefinition;
import io.electa.tally.v1.NominationType;
import io.electa.tally.v1.ProtocolStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The shape rules of tally requests, shared by the endpoint's methods. */
final class Rules {
    static final int MAX_TEXT = 2000;
    static final int MAX_NAME = 200;
    static final int MAX_CANDIDATES = 100;

    private Rules() {
    }

    static Violations electionAndRequest(String electionId, String requestId) {
        return new Violations()
                .electionId("election_id", electionId)
                .requestId("request_id", requestId);
    }

    /** The district of a results scope, or null for the nation; throws on a malformed request. */
    static String scope(String electionId, boolean hasDistrict, String district) {
        Violations violations = new Violations().electionId("election_id", electionId);
        if (hasDistrict) {
            violations.code("district_code", district);
        }
        violations.throwIfAny();
        return hasDistrict ? district : null;
    }

    /** The statuses to filter by; empty (any) when none or UNSPECIFIED is given. */
    static List<ProtocolStatus> statuses(List<Integer> values, Violations violations) {
        List<ProtocolStatus> statuses = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            ProtocolStatus status = ProtocolStatus.forNumber(values.get(i));
            violations.check(status != null, "statuses[" + i + "]", "is not a ProtocolStatus");
            if (status == ProtocolStatus.PROTOCOL_STATUS_UNSPECIFIED) {
                return List.of();
            }
            if (status != null) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    static void candidates(List<CandidateDefinition> list, Violations violations) {
        violations.check(!list.isEmpty() && list.size() <= MAX_CANDIDATES, "candidates",
                "must list 1-" + MAX_CANDIDATES + " candidates");
        Set<String> codes = new HashSet<>();
        Set<Integer> orders = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            CandidateDefinition c = list.get(i);
            String at = "candidates[" + i + "].";
            violations.code(at + "candidate_code", c.getCandidateCode())
                    .text(at + "full_name", c.getFullName(), MAX_NAME)
                    .check(codes.add(c.getCandidateCode()), at + "candidate_code", "is listed more than once")
                    .check(c.getBallotOrder() >= 1 && c.getBallotOrder() <= list.size(), at + "ballot_order",
                            "must be 1.." + list.size())
                    .check(orders.add(c.getBallotOrder()), at + "ballot_order", "is given to more than one candidate");
            if (c.getNominationType() == NominationType.NOMINATION_TYPE_PARTY) {
                violations.text(at + "party_name", c.getPartyName(), MAX_NAME);
            } else {
                violations.check(c.getNominationType() == NominationType.NOMINATION_TYPE_SELF_NOMINATED,
                                at + "nomination_type", "must be NOMINATION_TYPE_PARTY or NOMINATION_TYPE_SELF_NOMINATED")
                        .check(c.getPartyName().isEmpty(), at + "party_name",
                                "must be empty for a self-nominated candidate");
            }
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
            violations.check(false, "page_token", "is not a token this service issued");
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
        violations.check(ok, "page_token", "is not a token this service issued");
        return ok ? key : "";
    }
}
