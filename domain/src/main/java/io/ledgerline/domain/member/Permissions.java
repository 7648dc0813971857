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
    /** Log, time and edit one's own time (timer included) and submit one's own weeks. */
    public static final String TIME_LOG = "time:log";
    /** See everyone's time, not only one's own. */
    public static final String TIME_VIEW_ALL = "time:view_all";
    /** Log and edit time on behalf of another member. */
    public static final String TIME_MANAGE_OTHERS = "time:manage_others";
    /** Approve or reject submitted weeks. */
    public static final String TIME_APPROVE = "time:approve";
    /** Lock the ledger through a date and unlock single entries or expenses, always with a reason. */
    public static final String TIME_LOCK = "time:lock";
    /** See hourly rates and where they come from. */
    public static final String RATES_VIEW = "rates:view";
    /** Schedule hourly rates at any level. */
    public static final String RATES_MANAGE = "rates:manage";
    /** Record one's own expenses and submit them. */
    public static final String EXPENSES_SUBMIT = "expenses:submit";
    /** See everyone's expenses. */
    public static final String EXPENSES_VIEW_ALL = "expenses:view_all";
    /** Approve or reject submitted expenses. */
    public static final String EXPENSES_APPROVE = "expenses:approve";
    /** Keep the expense categories and merchant mappings. */
    public static final String EXPENSES_SETTINGS = "expenses:settings";
    public static final String INVOICES_VIEW = "invoices:view";
    /** Create and edit invoice drafts. */
    public static final String INVOICES_MANAGE = "invoices:manage";
    /** Finalize and void invoices. */
    public static final String INVOICES_FINALIZE = "invoices:finalize";
    /** Record payments received. */
    public static final String PAYMENTS_RECORD = "invoices:record_payment";
    /** See the integration cards, the QuickBooks sync log and sync history. */
    public static final String INTEGRATIONS_VIEW = "integrations:view";
    /** Connect and disconnect integrations, change their settings, import and force a resync. */
    public static final String INTEGRATIONS_MANAGE = "integrations:manage";
    public static final String AUDIT_READ = "audit:read";
    public static final String PROJECTIONS_REPLAY = "projections:replay";
    /** The only permission left to a member who must enrol in MFA before doing anything else. */
    public static final String MFA_ENROLL = "mfa:enroll";

    private Permissions() {
    }
}
