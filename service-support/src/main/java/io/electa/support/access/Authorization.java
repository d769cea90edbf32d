package io.electa.support.access;

import com.google.protobuf.Message;
import io.electa.client.auth.FieldPaths;
import io.electa.common.v1.Access;
import io.electa.common.v1.ErrorReason;
import io.electa.common.v1.Role;
import io.electa.common.v1.Target;
import io.electa.support.domain.PermissionDeniedException;
import io.electa.support.domain.UnauthenticatedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The decisions of an RPC's access option (electa.common.v1.access) about one caller: whether it
 * may call at all (before the request is read) and whether the request is within its scope.
 */
final class Authorization {
    private Authorization() {
    }

    /**
     * Fails unless {@code caller} may call an RPC with {@code access} (null: the RPC declares none,
     * so no one may): UNAUTHENTICATED without a caller where the RPC is not public, PERMISSION_DENIED
     * without one of its roles.
     */
    static void admit(Access access, String method, Caller caller) {
        if (access == null) {
            throw new PermissionDeniedException(method + " declares no access rule, so no one may call it",
                    ErrorReason.ACCESS_UNDECLARED, Map.of());
        }
        if (access.getPublic()) {
            return;
        }
        if (caller == Caller.ANONYMOUS) {
            throw new UnauthenticatedException(method + " needs a bearer token (metadata \"authorization\": "
                    + "\"Bearer <token>\") with one of the roles " + rolesOf(access), ErrorReason.TOKEN_MISSING);
        }
        if (access.getRolesList().stream().noneMatch(caller::holds)) {
            throw new PermissionDeniedException(method + " needs one of the roles " + rolesOf(access)
                    + "; the caller has " + (caller.roles().isEmpty() ? "none" : caller.roles().stream()
                    .map(Role::name).sorted().collect(Collectors.joining(", "))),
                    ErrorReason.ROLE_MISSING, Map.of("required_roles", rolesOf(access)));
        }
    }

    /**
     * The scope left to check once the request is read: UNRESTRICTED when one of the caller's
     * roles for this RPC is unscoped or covers a target of the request; pending for the scoped
     * roles whose target is a protocol (the service checks those); otherwise PERMISSION_DENIED.
     * Null when the message cannot tell, because every target lies in a message it does not carry
     * (a stream's first message without its header, which the service refuses): the next one is
     * asked then.
     */
    static Scope scope(Access access, Caller caller, Message request) {
        if (access.getPublic()) {
            return Scope.UNRESTRICTED;
        }
        if (!access.getTargetsList().isEmpty()
                && access.getTargetsList().stream().allMatch(t -> FieldPaths.valueAt(request, t.getField()) == null)
                && access.getRolesList().stream().noneMatch(role -> caller.holds(role)
                        && Grants.scopeKind(caller, role) == null)) {
            return null;
        }
        List<Role> scoped = new ArrayList<>();
        List<Role> deferred = new ArrayList<>();
        for (Role role : access.getRolesList()) {
            if (!caller.holds(role)) {
                continue;
            }
            if (Grants.scopeKind(caller, role) == null) {
                return Scope.UNRESTRICTED;
            }
            scoped.add(role);
            for (Target target : access.getTargetsList()) {
                if (target.getKind() == Target.Kind.PROTOCOL && Grants.scopeKind(caller, role) != Target.Kind.ACCREDITATION) {
                    deferred.add(role);
                } else if (Grants.covers(caller, role, target.getKind(),
                        FieldPaths.valueAt(request, target.getField()))) {
                    return Scope.UNRESTRICTED;
                }
            }
        }
        if (!deferred.isEmpty()) {
            return Scope.pending(caller, deferred);
        }
        String held = scoped.stream().map(caller::scopeOf).collect(Collectors.joining("; "));
        String fields = access.getTargetsList().stream().map(Target::getField).collect(Collectors.joining(" or "));
        throw new PermissionDeniedException("the caller is " + held + ": the request's "
                + (fields.isEmpty() ? "target" : fields) + " must name the caller's own", ErrorReason.OUT_OF_SCOPE,
                Map.of("scope", held));
    }

    private static String rolesOf(Access access) {
        return access.getRolesList().stream().map(Role::name).collect(Collectors.joining(", "));
    }
}
