package io.ledgerline.domain.member;

/** The permission strings a role grants. They appear in tokens, in 403 problems and in the API docs. */
public final class Permissions {

    public static final String ORGANIZATION_VIEW = "organization:view";
    public static final String ORGANIZATION_MANAGE = "organization:manage";
    public static final String MEMBERS_VIEW = "members:view";
    public static final String MEMBERS_MANAGE = "members:manage";
    public static final String CLIENTS_VIEW = "clients:view";
    public static final String CLIENTS_CREATE_EDIT_DELETE = "clients:create_edit_delete";
    public static final String CLIENT_NOTES_WRITE = "clients:notes_write";
    public static final String PROJECTS_VIEW = "projects:view";
    public static final String PROJECTS_MANAGE = "projects:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String PROJECTIONS_REPLAY = "projections:replay";
    /** The only permission left to a member who must enrol in MFA before doing anything else. */
    public static final String MFA_ENROLL = "mfa:enroll";

    private Permissions() {
    }
}
