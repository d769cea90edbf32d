package io.electa.support.access;

import io.electa.common.v1.ErrorReason;
import io.electa.common.v1.Role;
import io.electa.support.domain.PermissionDeniedException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What is left to check of a call's scope once the service knows what the request acts on: for
 * an RPC whose target is a protocol, the scoped grants the caller was admitted with wait for the
 * protocol's station and district. A call admitted by an unscoped role (or by a scoped one whose
 * target was checked from the request) is {@link #UNRESTRICTED}.
 */
public final class Scope {
    public static final Scope UNRESTRICTED = new Scope(null, List.of());

    private final Caller caller;
    private final List<Role> pending;

    private Scope(Caller caller, List<Role> pending) {
        this.caller = caller;
        this.pending = List.copyOf(pending);
    }

    static Scope pending(Caller caller, List<Role> scopedRoles) {
        return new Scope(caller, scopedRoles);
    }

    /** The scope of the RPC being handled on this thread (read it in the RPC method itself). */
    public static Scope current() {
        CallAccess call = CallAccess.current();
        return call == null ? UNRESTRICTED : call.scope();
    }

    /**
     * Fails with PERMISSION_DENIED unless the call may act on a station {@code station} of
     * district {@code district}: a station grant must name the station, a district grant the district.
     */
    public void requireCovers(String station, String district) {
        for (Role role : pending) {
            if (Grants.coversStation(caller, role, station, district)) {
                return;
            }
        }
        if (!pending.isEmpty()) {
            String held = pending.stream().map(caller::scopeOf).collect(Collectors.joining("; "));
            throw new PermissionDeniedException("the caller is " + held + ": the request's protocol is of another "
                    + "station or district", ErrorReason.OUT_OF_SCOPE, Map.of("scope", held));
        }
    }
}
