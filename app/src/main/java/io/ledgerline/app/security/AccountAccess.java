package io.ledgerline.app.security;

import io.ledgerline.domain.member.Permissions;
import io.ledgerline.domain.member.Role;
import java.util.Set;
import java.util.UUID;

/** The sign-in state of one member as the command-side account registry holds it. */
record AccountAccess(UUID memberId, UUID orgId, Role role, boolean active, boolean mfaEnrolled, boolean mfaRequired) {

    Set<String> permissions() {
        if (mfaRequired && !mfaEnrolled) {
            return Set.of(Permissions.MFA_ENROLL);
        }
        return role.permissions();
    }
}
