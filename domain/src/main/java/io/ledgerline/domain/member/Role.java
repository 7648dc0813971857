package io.ledgerline.domain.member;

import static io.ledgerline.domain.member.Permissions.AUDIT_READ;
import static io.ledgerline.domain.member.Permissions.CLIENTS_CREATE_EDIT_DELETE;
import static io.ledgerline.domain.member.Permissions.CLIENTS_VIEW;
import static io.ledgerline.domain.member.Permissions.CLIENT_NOTES_WRITE;
import static io.ledgerline.domain.member.Permissions.EXPENSES_APPROVE;
import static io.ledgerline.domain.member.Permissions.EXPENSES_SETTINGS;
import static io.ledgerline.domain.member.Permissions.EXPENSES_SUBMIT;
import static io.ledgerline.domain.member.Permissions.EXPENSES_VIEW_ALL;
import static io.ledgerline.domain.member.Permissions.INTEGRATIONS_MANAGE;
import static io.ledgerline.domain.member.Permissions.INTEGRATIONS_VIEW;
import static io.ledgerline.domain.member.Permissions.INVOICES_FINALIZE;
import static io.ledgerline.domain.member.Permissions.INVOICES_MANAGE;
import static io.ledgerline.domain.member.Permissions.INVOICES_VIEW;
import static io.ledgerline.domain.member.Permissions.MEMBERS_MANAGE;
import static io.ledgerline.domain.member.Permissions.MEMBERS_VIEW;
import static io.ledgerline.domain.member.Permissions.MFA_ENROLL;
import static io.ledgerline.domain.member.Permissions.ORGANIZATION_MANAGE;
import static io.ledgerline.domain.member.Permissions.ORGANIZATION_VIEW;
import static io.ledgerline.domain.member.Permissions.PAYMENTS_RECORD;
import static io.ledgerline.domain.member.Permissions.PROJECTIONS_REPLAY;
import static io.ledgerline.domain.member.Permissions.PROJECTS_MANAGE;
import static io.ledgerline.domain.member.Permissions.PROJECTS_VIEW;
import static io.ledgerline.domain.member.Permissions.RATES_MANAGE;
import static io.ledgerline.domain.member.Permissions.RATES_VIEW;
import static io.ledgerline.domain.member.Permissions.TIME_APPROVE;
import static io.ledgerline.domain.member.Permissions.TIME_LOCK;
import static io.ledgerline.domain.member.Permissions.TIME_LOG;
import static io.ledgerline.domain.member.Permissions.TIME_MANAGE_OTHERS;
import static io.ledgerline.domain.member.Permissions.TIME_VIEW_ALL;

import java.util.Set;

/** What a member may do. A role is nothing but a named set of permissions. */
public enum Role {
    OWNER(Set.of(ORGANIZATION_VIEW, ORGANIZATION_MANAGE, MEMBERS_VIEW, MEMBERS_MANAGE, CLIENTS_VIEW,
            CLIENTS_CREATE_EDIT_DELETE, CLIENT_NOTES_WRITE, PROJECTS_VIEW, PROJECTS_MANAGE, TIME_LOG, TIME_VIEW_ALL,
            TIME_MANAGE_OTHERS, TIME_APPROVE, TIME_LOCK, RATES_VIEW, RATES_MANAGE, EXPENSES_SUBMIT, EXPENSES_VIEW_ALL,
            EXPENSES_APPROVE, EXPENSES_SETTINGS, INVOICES_VIEW, INVOICES_MANAGE, INVOICES_FINALIZE, PAYMENTS_RECORD,
            INTEGRATIONS_VIEW, INTEGRATIONS_MANAGE, AUDIT_READ, PROJECTIONS_REPLAY, MFA_ENROLL)),
    ADMIN(Set.of(ORGANIZATION_VIEW, ORGANIZATION_MANAGE, MEMBERS_VIEW, MEMBERS_MANAGE, CLIENTS_VIEW,
            CLIENTS_CREATE_EDIT_DELETE, CLIENT_NOTES_WRITE, PROJECTS_VIEW, PROJECTS_MANAGE, TIME_LOG, TIME_VIEW_ALL,
            TIME_MANAGE_OTHERS, TIME_APPROVE, TIME_LOCK, RATES_VIEW, RATES_MANAGE, EXPENSES_SUBMIT, EXPENSES_VIEW_ALL,
            EXPENSES_APPROVE, EXPENSES_SETTINGS, INVOICES_VIEW, INVOICES_MANAGE, INVOICES_FINALIZE, PAYMENTS_RECORD,
            INTEGRATIONS_VIEW, INTEGRATIONS_MANAGE, AUDIT_READ, PROJECTIONS_REPLAY, MFA_ENROLL)),
    /** Runs projects: approves the team's time and expenses and prepares invoices, but does not issue them. */
    MANAGER(Set.of(ORGANIZATION_VIEW, MEMBERS_VIEW, CLIENTS_VIEW, CLIENTS_CREATE_EDIT_DELETE, CLIENT_NOTES_WRITE,
            PROJECTS_VIEW, PROJECTS_MANAGE, TIME_LOG, TIME_VIEW_ALL, TIME_MANAGE_OTHERS, TIME_APPROVE, RATES_VIEW,
            EXPENSES_SUBMIT, EXPENSES_VIEW_ALL, EXPENSES_APPROVE, EXPENSES_SETTINGS, INVOICES_VIEW, INVOICES_MANAGE,
            INTEGRATIONS_VIEW, MFA_ENROLL)),
    /** Books their own time and expenses; sees no rates and no invoices. */
    MEMBER(Set.of(ORGANIZATION_VIEW, CLIENTS_VIEW, CLIENT_NOTES_WRITE, PROJECTS_VIEW, TIME_LOG, EXPENSES_SUBMIT,
            MFA_ENROLL)),
    /** Reads everything money-related, issues invoices and records payments; books no time. */
    ACCOUNTANT(Set.of(ORGANIZATION_VIEW, MEMBERS_VIEW, CLIENTS_VIEW, PROJECTS_VIEW, TIME_VIEW_ALL, RATES_VIEW,
            EXPENSES_VIEW_ALL, INVOICES_VIEW, INVOICES_MANAGE, INVOICES_FINALIZE, PAYMENTS_RECORD, INTEGRATIONS_VIEW,
            AUDIT_READ, MFA_ENROLL));

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
