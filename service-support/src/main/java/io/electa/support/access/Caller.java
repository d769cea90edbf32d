package io.electa.support.access;

import io.electa.common.v1.Role;
import java.util.Set;

/**
 * Who is calling, as the verified bearer token says: the subject recorded in every decision, the
 * roles, and the scopes of the scoped roles (null where the token names none). Handlers read it
 * with {@link #current()} while the call's gRPC context is attached (in the RPC method itself,
 * not later on another thread).
 */
public record Caller(String subject, Set<Role> roles, String station, String district, String accreditation) {
    /** A caller of a public RPC that presented no token. */
    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null, null, null);

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** The caller of the RPC being handled on this thread; {@link #ANONYMOUS} outside a call. */
    public static Caller current() {
        CallAccess call = CallAccess.current();
        return call == null ? ANONYMOUS : call.caller();
    }

    public boolean holds(Role role) {
        return roles.contains(role);
    }

    /** The grant of a scoped role in words, e.g. "STATION_CLERK of station S-0001". */
    String scopeOf(Role role) {
        return switch (role) {
            case STATION_CLERK -> role + " of station " + orNone(station);
            case DISTRICT_COMMISSION -> role + " of district " + orNone(district);
            case TALLY_SUPERVISOR -> role + (district == null ? " of the whole election" : " of district " + district);
            case OBSERVER -> role + " of accreditation " + orNone(accreditation);
            default -> role.name();
        };
    }

    private static String orNone(String scope) {
        return scope == null ? "(none in the token)" : scope;
    }
}
