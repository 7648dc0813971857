-- The QuickBooks sync log: one row per link, unlink and sync-attempt event, keyed by the event's identifier so a
-- redelivered event changes nothing. Rebuilt by replaying group `qbo-sync-log`.
CREATE TABLE qbo_sync_log_view (
    event_id        VARCHAR(255) NOT NULL PRIMARY KEY,
    org_id          UUID         NOT NULL,
    at              TIMESTAMPTZ  NOT NULL,
    entity          VARCHAR(16)  NOT NULL,
    local_id        UUID,
    realm_id        VARCHAR(64),
    qbo_id          VARCHAR(64),
    direction       VARCHAR(8),
    operation       VARCHAR(16)  NOT NULL,
    link_origin     VARCHAR(16),
    request_id      VARCHAR(64),
    local_version   BIGINT,
    qbo_sync_token  VARCHAR(32),
    qbo_updated_at  TIMESTAMPTZ,
    fault_code      VARCHAR(64),
    fault_message   TEXT,
    fault_detail    TEXT,
    fault_type      VARCHAR(64),
    intuit_tid      VARCHAR(128),
    payload         TEXT,
    note            TEXT,
    actor           VARCHAR(64)
);
-- Newest first for the organization (every filter narrows this walk); one record's log; the last 24 hours' counts.
CREATE INDEX qbo_sync_log_view_org_at ON qbo_sync_log_view (org_id, at DESC, event_id DESC);
CREATE INDEX qbo_sync_log_view_org_record ON qbo_sync_log_view (org_id, local_id, at DESC, event_id DESC);

-- Where each Ledgerline record stands with QuickBooks now: its link and its last attempt. Both halves keep the
-- timestamp and identifier of the event they come from, so events from different aggregates apply in any order and
-- a replay gives the same row.
CREATE TABLE qbo_link_state_view (
    org_id                 UUID         NOT NULL,
    entity                 VARCHAR(16)  NOT NULL,
    local_id               UUID         NOT NULL,
    realm_id               VARCHAR(64),
    qbo_id                 VARCHAR(64),
    linked                 BOOLEAN      NOT NULL,
    linked_at              TIMESTAMPTZ,
    open_error             BOOLEAN      NOT NULL,
    link_event_at          TIMESTAMPTZ,
    link_event_id          VARCHAR(255),
    link_realm_id          VARCHAR(64),
    link_qbo_id            VARCHAR(64),
    link_origin            VARCHAR(16),
    unlink_reason          TEXT,
    last_attempt_at        TIMESTAMPTZ,
    last_attempt_event_id  VARCHAR(255),
    last_realm_id          VARCHAR(64),
    last_qbo_id            VARCHAR(64),
    last_direction         VARCHAR(8),
    last_operation         VARCHAR(16),
    last_request_id        VARCHAR(64),
    last_payload           TEXT,
    last_fault_code        VARCHAR(64),
    last_fault_message     TEXT,
    last_fault_detail      TEXT,
    last_fault_type        VARCHAR(64),
    last_intuit_tid        VARCHAR(128),
    last_note              TEXT,
    CONSTRAINT qbo_link_state_view_pk PRIMARY KEY (org_id, entity, local_id)
);
CREATE INDEX qbo_link_state_view_open_errors ON qbo_link_state_view (org_id, last_attempt_at DESC) WHERE open_error;

-- Sync history reads the QuickBooks events of one organization straight from the event store. Axon keeps the
-- payload as JSON text in bytea; this index finds one organization's QuickBooks events without reading any other
-- event. The function is immutable in practice: the database encoding never changes under a running database.
CREATE FUNCTION qbo_event_org(payload BYTEA) RETURNS TEXT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT convert_from(payload, 'UTF8')::jsonb ->> 'orgId' $$;
CREATE INDEX domainevententry_qbo_org ON domainevententry (qbo_event_org(payload), globalindex)
    WHERE payloadtype IN ('io.ledgerline.domain.qbo.QboLinked', 'io.ledgerline.domain.qbo.QboUnlinked',
                          'io.ledgerline.domain.qbo.QboSyncAttempted');

-- Force-resync jobs: operational state (who asked, how far it got), not a read model — nothing rebuilds it from
-- events. A dry run is kept too, as a finished job with its plan. At most one job per organization is queued or
-- running at a time.
CREATE TABLE qbo_sync_job (
    job_id        UUID         NOT NULL PRIMARY KEY,
    org_id        UUID         NOT NULL,
    requested_by  VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    dry_run       BOOLEAN      NOT NULL,
    creates       INT          NOT NULL DEFAULT 0,
    updates       INT          NOT NULL DEFAULT 0,
    links         INT          NOT NULL DEFAULT 0,
    pulls         INT          NOT NULL DEFAULT 0,
    conflicts     INT          NOT NULL DEFAULT 0,
    done          INT          NOT NULL DEFAULT 0,
    failed        INT          NOT NULL DEFAULT 0,
    requested_at  TIMESTAMPTZ  NOT NULL,
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    plan          JSONB,
    errors        JSONB        NOT NULL DEFAULT '[]',
    reason        TEXT,
    CONSTRAINT qbo_sync_job_status CHECK (status IN ('queued', 'running', 'succeeded', 'failed'))
);
CREATE UNIQUE INDEX qbo_sync_job_one_at_a_time ON qbo_sync_job (org_id) WHERE status IN ('queued', 'running');
CREATE INDEX qbo_sync_job_org ON qbo_sync_job (org_id, requested_at DESC);
