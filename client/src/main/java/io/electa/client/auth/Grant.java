package io.electa.client.auth;

import io.electa.common.v1.Role;
import java.util.Set;

/**
 * What a token grants (access.proto): roles, and the scopes of the scoped ones; a null scope is
 * absent from the token.
 */
public record Grant(Set<Role> roles, String station, String district, String accreditation) {
    public Grant {
        roles = Set.copyOf(roles);
    }

    /** Roles without scopes. */
    public static Grant of(Role... roles) {
        return new Grant(Set.of(roles), null, null, null);
    }

    /** The clerk of {@code station}. */
    public static Grant clerkOf(String station) {
        return new Grant(Set.of(Role.STATION_CLERK), station, null, null);
    }

    /** The commission of {@code district}. */
    public static Grant districtCommissionOf(String district) {
        return new Grant(Set.of(Role.DISTRICT_COMMISSION), null, district, null);
    }

    /** The observer holding {@code accreditation}. */
    public static Grant observerOf(String accreditation) {
        return new Grant(Set.of(Role.OBSERVER), null, null, accreditation);
    }
}
