package io.electa.support.audit;

/** One audit event as it is written: the caller and RPC from the call, target and outcome from request and answer. */
public record AuditEntry(String subject, String roles, String station, String district, String accreditation,
        String rpc, String electionId, String target, String outcome) {
}
