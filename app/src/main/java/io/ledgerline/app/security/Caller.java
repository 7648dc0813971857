package io.ledgerline.app.security;

import io.ledgerline.domain.member.Role;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: the member, their organization (from the token, never from a request body) and what they may
 * do right now (their current role, or only MFA enrolment while their organization requires it).
 */
public record Caller(UUID memberId, UUID orgId, Role role, Set<String> permissions) {

    public boolean may(String permission) {
        return permissions.contains(permission);
    }
}
