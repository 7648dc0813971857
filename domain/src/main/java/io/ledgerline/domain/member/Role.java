package io.ledgerline.domain.member;

import static io.ledgerline.domain.member.Permissions.AUDIT_READ;
import static io.ledgerline.domain.member.Permissions.CLIENTS_CREATE_EDIT_DELETE;
import static io.ledgerline.domain.member.Permissions.CLIENTS_VIEW;
import static io.ledgerline.domain.member.Permissions.CLIENT_NOTES_WRITE;
import static io.ledgerline.domain.member.Permissions.MEMBERS_MANAGE;
import static io.ledgerline.domain.member.Permissions.MEMBERS_VIEW;
import static io.ledgerline.domain.member.Permissions.MFA_ENROLL;
import static io.ledgerline.domain.member.Permissions.ORGANIZATION_MANAGE;
import static io.ledgerline.domain.member.Permissions.ORGANIZATION_VIEW;
import static io.ledgerline.domain.member.Permissions.PROJECTIONS_REPLAY;
import static io.ledgerline.domain.member.Permissions.PROJECTS_MANAGE;
import static io.ledgerline.domain.member.Permissions.PROJECTS_VIEW;

import java.util.Set;

/** What a member may do. A role is nothing but a named set of permissions. */
public enum Role {
    OWNER(Set.of(ORGANIZATION_VIEW, ORGANIZATION_MANAGE, MEMBERS_VIEW, MEMBERS_MANAGE, CLIENTS_VIEW, CLIENTS_CREATE_EDIT_DELETE,
            CLIENT_NOTES_WRITE, PROJECTS_VIEW, PROJECTS_MANAGE, AUDIT_READ, PROJECTIONS_REPLAY, MFA_ENROLL)),
    ADMIN(Set.of(ORGANIZATION_VIEW, ORGANIZATION_MANAGE, MEMBERS_VIEW, MEMBERS_MANAGE, CLIENTS_VIEW, CLIENTS_CREATE_EDIT_DELETE,
            CLIENT_NOTES_WRITE, PROJECTS_VIEW, PROJECTS_MANAGE, AUDIT_READ, PROJECTIONS_REPLAY, MFA_ENROLL)),
    MANAGER(Set.of(ORGANIZATION_VIEW, MEMBERS_VIEW, CLIENTS_VIEW, CLIENTS_CREATE_EDIT_DELETE, CLIENT_NOTES_WRITE, PROJECTS_VIEW,
            PROJECTS_MANAGE, MFA_ENROLL)),
    MEMBER(Set.of(ORGANIZATION_VIEW, CLIENTS_VIEW, CLIENT_NOTES_WRITE, PROJECTS_VIEW, MFA_ENROLL)),
    ACCOUNTANT(Set.of(ORGANIZATION_VIEW, MEMBERS_VIEW, CLIENTS_VIEW, PROJECTS_VIEW, AUDIT_READ, MFA_ENROLL));

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public boolean grants(String permission) {
        return permissions.contains(permission);
    }
}
