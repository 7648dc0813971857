-- The time ledger: time entries, weekly timesheets, timers and the organization's ledger lock.

-- Command side (processing group `command-side-registry`, same transaction as the events) ----------------------

-- Per organization: its time zone (a timer's business date) and the date the ledger is locked through.
CREATE TABLE ledger_org (
    org_id         UUID        NOT NULL PRIMARY KEY,
    time_zone      VARCHAR(64) NOT NULL,
    locked_through DATE
);

-- Minutes a member has logged on a business date, kept by every TimeLogged/Changed/Deleted. The CHECK is the last
-- word on the 24-hour rule: of two commands racing past the aggregate's check, the second fails as a whole.
CREATE TABLE member_day (
    org_id    UUID    NOT NULL,
    member_id UUID    NOT NULL,
    work_date DATE    NOT NULL,
    minutes   INTEGER NOT NULL,
    CONSTRAINT member_day_pk PRIMARY KEY (org_id, member_id, work_date),
    CONSTRAINT member_day_at_most_24h CHECK (minutes BETWEEN 0 AND 1440)
);

-- Where each member's week stands (OPEN, SUBMITTED, APPROVED, REJECTED). Logging time holds the row of its week
-- until it commits, so a submission of that week waits for it instead of slipping in between.
CREATE TABLE timesheet_registry (
    org_id     UUID        NOT NULL,
    member_id  UUID        NOT NULL,
    week_start DATE        NOT NULL,
    status     VARCHAR(16) NOT NULL,
    CONSTRAINT timesheet_registry_pk PRIMARY KEY (org_id, member_id, week_start)
);

-- What time may be booked on: a project's billing method and its tasks (project status and client standing are in
-- project_registry and client_registry).
CREATE TABLE project_booking (
    project_id     UUID        NOT NULL PRIMARY KEY,
    org_id         UUID        NOT NULL,
    billing_method VARCHAR(16) NOT NULL
);

CREATE TABLE task_booking (
    task_id    UUID    NOT NULL PRIMARY KEY,
    project_id UUID    NOT NULL,
    org_id     UUID    NOT NULL,
    billable   BOOLEAN NOT NULL,
    active     BOOLEAN NOT NULL
);

-- Read models (projections module) --------------------------------------------------------------------------------

-- The ledger lock is part of the organization (processing group `organizations`): its events move the
-- organization's version, which is the ETag of both the organization and its lock.
ALTER TABLE organization_view
    ADD COLUMN ledger_locked_through  DATE,
    ADD COLUMN ledger_lock_reason     VARCHAR(500),
    ADD COLUMN ledger_lock_changed_at TIMESTAMPTZ;

-- Processing group `time-entries`. Only facts of one aggregate go into one row; whatever combines aggregates (an
-- entry's status from its week and its invoice, the lock, names) is joined at query time, so that a replay, whose
-- segments see different aggregates in any order, always builds the same rows.
CREATE TABLE time_entry_view (
    entry_id           UUID          NOT NULL PRIMARY KEY,
    org_id             UUID          NOT NULL,
    member_id          UUID          NOT NULL,
    project_id         UUID          NOT NULL,
    task_id            UUID,
    client_id          UUID          NOT NULL,
    work_date          DATE          NOT NULL,
    -- the Monday of work_date's ISO week: the key of its timesheet
    week_start         DATE          NOT NULL,
    minutes            INTEGER       NOT NULL,
    start_time         TIME,
    end_time           TIME,
    billable           BOOLEAN       NOT NULL,
    description        VARCHAR(2000),
    jira_issue_key     VARCHAR(64),
    source_type        VARCHAR(16)   NOT NULL,
    source_external_id VARCHAR(200),
    -- unlocked by an admin for its next change or delete
    unlocked           BOOLEAN       NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    version            BIGINT        NOT NULL
);
-- A member's days (ledger, timesheet totals), a project's and a client's time (reports, invoice drafts), and the
-- whole organization's list; each also serves the list's keyset order (work_date DESC, entry_id DESC).
CREATE INDEX time_entry_view_member ON time_entry_view (org_id, member_id, work_date, entry_id);
CREATE INDEX time_entry_view_project ON time_entry_view (org_id, project_id, work_date, entry_id);
CREATE INDEX time_entry_view_client ON time_entry_view (org_id, client_id, work_date, entry_id);
CREATE INDEX time_entry_view_org ON time_entry_view (org_id, work_date, entry_id);

CREATE TABLE timesheet_view (
    org_id           UUID         NOT NULL,
    member_id        UUID         NOT NULL,
    week_start       DATE         NOT NULL,
    timesheet_id     UUID         NOT NULL,
    status           VARCHAR(16)  NOT NULL,
    submitted_at     TIMESTAMPTZ  NOT NULL,
    submitted_by     UUID         NOT NULL,
    decided_at       TIMESTAMPTZ,
    decided_by       UUID,
    rejection_reason VARCHAR(500),
    version          BIGINT       NOT NULL,
    CONSTRAINT timesheet_view_pk PRIMARY KEY (org_id, member_id, week_start)
);
-- The approval queue: by status, newest week first.
CREATE INDEX timesheet_view_status ON timesheet_view (org_id, status, week_start, member_id);
CREATE INDEX timesheet_view_week ON timesheet_view (org_id, week_start, member_id);

-- Which finalized invoices bill an entry. Keyed by entry AND invoice: an entry billed by invoice A, released by A's
-- void and billed again by B keeps exactly B's row whichever order a replay sees A's void and B's finalization in.
CREATE TABLE time_entry_invoice_view (
    entry_id       UUID        NOT NULL,
    invoice_id     UUID        NOT NULL,
    org_id         UUID        NOT NULL,
    invoice_number VARCHAR(200) NOT NULL,
    CONSTRAINT time_entry_invoice_view_pk PRIMARY KEY (entry_id, invoice_id)
);
CREATE INDEX time_entry_invoice_view_invoice ON time_entry_invoice_view (invoice_id);

-- Each member's timer (one per member): running or not, and what it runs for.
CREATE TABLE timer_view (
    member_id      UUID          NOT NULL PRIMARY KEY,
    org_id         UUID          NOT NULL,
    timer_id       UUID          NOT NULL,
    running        BOOLEAN       NOT NULL,
    project_id     UUID,
    task_id        UUID,
    description    VARCHAR(2000),
    billable       BOOLEAN,
    jira_issue_key VARCHAR(64),
    started_at     TIMESTAMPTZ,
    version        BIGINT        NOT NULL
);
