-- The QuickBooks connection: command-side state, OAuth states, the webhook inbox and the integration card.

-- Command side (subscribing processor `command-side-registry`, updated in the transaction that records the event):
-- whether an organization's connection may sync now, with its settings, and where the next change pull starts.
CREATE TABLE qbo_connection_state (
    org_id             UUID         PRIMARY KEY,
    realm_id           VARCHAR(64)  NOT NULL,
    status             VARCHAR(16)  NOT NULL,
    sync_customers     BOOLEAN      NOT NULL,
    sync_invoices      BOOLEAN      NOT NULL,
    push_on_finalize   BOOLEAN      NOT NULL,
    -- Every change QuickBooks made at or after this moment is still to be pulled.
    changes_checkpoint TIMESTAMPTZ  NOT NULL
);
-- Webhooks name the company (realm), not the organization.
CREATE INDEX qbo_connection_state_realm ON qbo_connection_state (realm_id);

-- A connect in progress. Only a hash of the state is kept: a database reader cannot complete someone's connect.
-- Single use: the callback sets used_at in the statement that checks it.
CREATE TABLE qbo_oauth_state (
    state_hash  BYTEA        PRIMARY KEY,
    org_id      UUID         NOT NULL,
    member_id   UUID         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ  NOT NULL,
    used_at     TIMESTAMPTZ
);
CREATE INDEX qbo_oauth_state_expires ON qbo_oauth_state (expires_at);

-- Webhook notifications, stored when they arrive (the answer must leave within 3 s) and applied by a worker per
-- company in QuickBooks' lastUpdated order. The dedupe key (the CloudEvent id, else realm:entity:id:operation:
-- lastUpdated) makes a redelivery a no-op; processed rows stay as the dedupe window.
CREATE TABLE qbo_webhook_inbox (
    id               BIGSERIAL     PRIMARY KEY,
    org_id           UUID          NOT NULL,
    realm_id         VARCHAR(64)   NOT NULL,
    dedupe_key       VARCHAR(300)  NOT NULL,
    entity           VARCHAR(64)   NOT NULL,
    entity_id        VARCHAR(64)   NOT NULL,
    operation        VARCHAR(32)   NOT NULL,
    last_updated     TIMESTAMPTZ   NOT NULL,
    received_at      TIMESTAMPTZ   NOT NULL,
    attempts         INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ   NOT NULL,
    processed_at     TIMESTAMPTZ,
    failed_at        TIMESTAMPTZ,
    failure          VARCHAR(500),
    CONSTRAINT qbo_webhook_inbox_dedupe UNIQUE (org_id, dedupe_key)
);
-- What the worker looks for: rows neither processed nor failed, in order.
CREATE INDEX qbo_webhook_inbox_pending ON qbo_webhook_inbox (org_id, last_updated, id)
    WHERE processed_at IS NULL AND failed_at IS NULL;

-- Read model (projections module, processing group `qbo-connections`): the integration card. `version` is the
-- connection aggregate's (-1 while only sync activity is known); last_sync_at only ever grows, so a replay in any
-- order across aggregates ends at the same value.
CREATE TABLE qbo_connection_view (
    org_id            UUID          PRIMARY KEY,
    realm_id          VARCHAR(64),
    company_name      VARCHAR(500),
    status            VARCHAR(16),
    connected_at      TIMESTAMPTZ,
    connected_by      UUID,
    expired_reason    VARCHAR(500),
    error_code        VARCHAR(64),
    error_message     VARCHAR(2000),
    sync_customers    BOOLEAN,
    sync_invoices     BOOLEAN,
    push_on_finalize  BOOLEAN,
    last_sync_at      TIMESTAMPTZ,
    version           BIGINT        NOT NULL
);
