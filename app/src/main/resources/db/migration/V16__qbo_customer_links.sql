-- Each client's QuickBooks customer link and its last sync (projections module, processing group `qbo-customers`).
-- One row per client that was ever linked; an unlink keeps the row with the customer cleared, so that a late
-- redelivery cannot bring an old link back. `version` is the sequence number of the client's customer-sync
-- aggregate that last wrote the row.
CREATE TABLE qbo_customer_link_view (
    client_id        UUID          NOT NULL PRIMARY KEY,
    org_id           UUID          NOT NULL,
    realm_id         VARCHAR(64),
    qbo_customer_id  VARCHAR(64),
    origin           VARCHAR(16),
    linked_at        TIMESTAMPTZ,
    last_synced_at   TIMESTAMPTZ,
    last_attempt_at  TIMESTAMPTZ,
    last_operation   VARCHAR(16),
    last_error       TEXT,
    version          BIGINT        NOT NULL
);
-- The customer list marks linked customers: every link of an organization.
CREATE INDEX qbo_customer_link_view_org ON qbo_customer_link_view (org_id, qbo_customer_id);
