-- Read models of projects and their tasks (projections module, processing group `projects`). Every row carries the
-- version (sequence number) of the project aggregate it reflects; a task change also moves its project's version,
-- so the project's ETag covers its tasks.
CREATE TABLE project_view (
    project_id     UUID          NOT NULL PRIMARY KEY,
    org_id         UUID          NOT NULL,
    client_id      UUID          NOT NULL,
    name           VARCHAR(200)  NOT NULL,
    code           VARCHAR(64),
    billing_method VARCHAR(16)   NOT NULL,
    hourly_rate    NUMERIC,
    budget_hours   NUMERIC,
    budget_amount  NUMERIC,
    start_date     DATE,
    end_date       DATE,
    status         VARCHAR(16)   NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL,
    version        BIGINT        NOT NULL
);
-- One index per list shape: by client (with or without a status pill) and across the organization.
CREATE INDEX project_view_client ON project_view (org_id, client_id, status, lower(name), project_id);
CREATE INDEX project_view_org ON project_view (org_id, status, lower(name), project_id);
CREATE INDEX project_view_org_name ON project_view (org_id, lower(name), project_id);

CREATE TABLE task_view (
    task_id       UUID           NOT NULL PRIMARY KEY,
    project_id    UUID           NOT NULL,
    org_id        UUID           NOT NULL,
    name          VARCHAR(200)   NOT NULL,
    billable      BOOLEAN        NOT NULL,
    rate_override NUMERIC,
    active        BOOLEAN        NOT NULL,
    version       BIGINT         NOT NULL
);
CREATE INDEX task_view_project ON task_view (project_id, lower(name), task_id);

-- Clients deleted, as seen by the `projects` projection. Events of different aggregates may be handled by different
-- segments, so in a replay a client's deletion can be seen before its projects' creation: this keeps them out.
CREATE TABLE project_view_deleted_client (
    client_id UUID NOT NULL PRIMARY KEY,
    org_id    UUID NOT NULL
);
