package io.electa.support.audit;

import com.google.protobuf.Message;
import io.electa.common.v1.Role;
import io.electa.support.access.CallAccess;
import io.electa.support.access.Caller;
import java.util.stream.Collectors;

/**
 * What the audit event of a change knows before the change is made: who calls, acting in which
 * of the RPC's roles and with which scope, through which RPC, and what the request names. Taken when the request is read, in the
 * call's context; {@link #answered} adds what the answer says.
 *
 * @param rpc the full gRPC method name; empty for a key that never completes (a stream's claim)
 */
public record AuditDraft(String subject, String roles, String station, String district, String accreditation,
        String rpc, String electionId, String target) {
    /** The draft of a key that only claims a request_id and is never completed with an answer. */
    public static final AuditDraft NONE = new AuditDraft("", "", "", "", "", "", "", "");

    /** The draft of {@code request}, by the caller of the RPC being handled. */
    public static AuditDraft of(Message request) {
        CallAccess call = CallAccess.current();
        Caller caller = call == null ? Caller.ANONYMOUS : call.caller();
        return new AuditDraft(caller.subject(),
                call == null ? "" : call.actingRoles().stream().map(Role::name).collect(Collectors.joining(" ")),
                orEmpty(caller.station()), orEmpty(caller.district()), orEmpty(caller.accreditation()),
                call == null ? request.getDescriptorForType().getFullName() : call.method(),
                Targets.electionOf(request), Targets.of(request));
    }

    /** The event once {@code answer} is known. */
    public AuditEntry answered(Message answer) {
        if (this == NONE) {
            throw new IllegalStateException("a change must be answered under the key its request made");
        }
        return new AuditEntry(this, Targets.extend(target, answer), Targets.outcomeOf(answer));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
