package io.electa.support.audit;

/** One audit event as it is written: the draft taken from the request, completed by the answer. */
public record AuditEntry(AuditDraft draft, String target, String outcome) {
}
