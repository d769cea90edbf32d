package io.electa.support.audit;

import com.google.protobuf.Message;
import io.electa.common.v1.Role;
import io.electa.support.access.CallAccess;
import io.electa.support.access.Caller;
import java.util.stream.Collectors;

/**
 * What the audit event of a change knows before the change is made: the call (who calls, acting
 * in which of the RPC's roles and with which scope, through which RPC) and the request. Taken
 * when the request is read, in the call's context; {@link #answered} adds what the answer says.
 * It only holds references: the event is worked out when the answer is stored, so a request that
 * never writes one (a vote mark, which is its own record) costs nothing more.
 */
public final class AuditDraft {
    /** The draft of a key that only claims a request_id and is never completed with an answer. */
    public static final AuditDraft NONE = new AuditDraft(null, null);

    private final CallAccess call;
    private final Message request;

    private AuditDraft(CallAccess call, Message request) {
        this.call = call;
        this.request = request;
    }

    /** The draft of {@code request}, by the caller of the RPC being handled. */
    public static AuditDraft of(Message request) {
        return new AuditDraft(CallAccess.current(), request);
    }

    /** The caller's subject ({@code anonymous} outside a call or without a token). */
    public String subject() {
        return caller().subject();
    }

    /** The event once {@code answer} is known. */
    public AuditEntry answered(Message answer) {
        if (request == null) {
            throw new IllegalStateException("a change must be answered under the key its request made");
        }
        Caller caller = caller();
        return new AuditEntry(caller.subject(),
                call == null ? "" : call.actingRoles().stream().map(Role::name).collect(Collectors.joining(" ")),
                orEmpty(caller.station()), orEmpty(caller.district()), orEmpty(caller.accreditation()),
                call == null ? request.getDescriptorForType().getFullName() : call.method(),
                Targets.electionOf(request), Targets.extend(Targets.of(request), answer), Targets.outcomeOf(answer));
    }

    private Caller caller() {
        return call == null ? Caller.ANONYMOUS : call.caller();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
