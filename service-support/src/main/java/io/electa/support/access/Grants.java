package io.electa.support.access;

import io.electa.common.v1.Role;
import io.electa.common.v1.Target;

/** Which scope a role's grant has, and what it covers. */
final class Grants {
    private Grants() {
    }

    /**
     * The kind of scope the caller's grant of {@code role} has, or null when it is unscoped (it
     * covers the whole election): a TALLY_SUPERVISOR is scoped only when the token names a district.
     */
    static Target.Kind scopeKind(Caller caller, Role role) {
        return switch (role) {
            case STATION_CLERK -> Target.Kind.STATION;
            case DISTRICT_COMMISSION -> Target.Kind.DISTRICT;
            case TALLY_SUPERVISOR -> caller.district() == null ? null : Target.Kind.DISTRICT;
            case OBSERVER -> Target.Kind.ACCREDITATION;
            default -> null;
        };
    }

    /** Whether the grant of scoped {@code role} covers a request field of {@code kind} holding {@code value}. */
    static boolean covers(Caller caller, Role role, Target.Kind kind, String value) {
        Target.Kind scope = scopeKind(caller, role);
        if (scope != kind || value == null || value.isEmpty()) {
            return false;
        }
        return value.equals(switch (scope) {
            case STATION -> caller.station();
            case DISTRICT -> caller.district();
            case ACCREDITATION -> caller.accreditation();
            default -> null;
        });
    }

    /** Whether the grant of scoped {@code role} covers station {@code station} of district {@code district}. */
    static boolean coversStation(Caller caller, Role role, String station, String district) {
        return covers(caller, role, Target.Kind.STATION, station) || covers(caller, role, Target.Kind.DISTRICT, district);
    }
}
