-- Invoices. First the command-side registries, maintained by the subscribing processor `command-side-registry` in
-- the transaction of the events (never behind); then the read models of the processing group `invoices`.

-- Each organization's invoice number sequence. Finalizing takes the next number with an upsert that locks the row
-- until the transaction ends: concurrent finalizations queue behind each other, and a rolled-back one gives its
-- number back, so numbers are unique and gapless.
CREATE TABLE invoice_number_sequence (
    org_id      UUID   NOT NULL PRIMARY KEY,
    last_number BIGINT NOT NULL
);

-- Where each invoice stands, for the client delete rule (no delete with drafts or unpaid invoices).
CREATE TABLE invoice_registry (
    invoice_id UUID        NOT NULL PRIMARY KEY,
    org_id     UUID        NOT NULL,
    client_id  UUID        NOT NULL,
    -- DRAFT, FINALIZED or VOID
    stage      VARCHAR(16) NOT NULL,
    -- a finalized invoice whose balance due reached zero
    settled    BOOLEAN     NOT NULL
);
CREATE INDEX invoice_registry_client ON invoice_registry (org_id, client_id, stage);

-- Each client's name and billing settings as they stand now: a new draft snapshots them as its bill-to.
CREATE TABLE client_bill_to_registry (
    client_id          UUID          NOT NULL PRIMARY KEY,
    org_id             UUID          NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    contact_name       VARCHAR(200),
    email              VARCHAR(320),
    line1              VARCHAR(200),
    line2              VARCHAR(200),
    city               VARCHAR(100),
    region             VARCHAR(100),
    postal_code        VARCHAR(32),
    country            VARCHAR(64),
    tax_id             VARCHAR(64),
    currency           CHAR(3)       NOT NULL,
    payment_terms_days INTEGER,
    tax_rate           NUMERIC(7, 4)
);

-- Read models. Every row is written from the invoice document folded from the invoice's events (the same fold as
-- GET /invoices/{id}?asOf=), and only moves forward in version. Money columns are NUMERIC without a fixed scale so
-- that amounts keep the scale of their currency (0 for JPY, 2 for EUR, 3 for KWD).
CREATE TABLE invoice_view (
    invoice_id            UUID          NOT NULL PRIMARY KEY,
    org_id                UUID          NOT NULL,
    client_id             UUID          NOT NULL,
    number                VARCHAR(32),
    -- DRAFT, FINALIZED or VOID
    stage                 VARCHAR(16)   NOT NULL,
    -- the status the events alone tell: DRAFT, VOID, PAID, PARTIALLY_PAID or UNPAID; OVERDUE is worked out when read
    standing              VARCHAR(16)   NOT NULL,
    currency              CHAR(3)       NOT NULL,
    project_ids           UUID[]        NOT NULL,
    period_start          DATE,
    period_end            DATE,
    grouping              VARCHAR(16)   NOT NULL,
    issue_date            DATE          NOT NULL,
    due_date              DATE          NOT NULL,
    tax_rate              NUMERIC       NOT NULL,
    notes                 TEXT,
    bill_to_name          VARCHAR(200)  NOT NULL,
    bill_to_contact_name  VARCHAR(200),
    bill_to_email         VARCHAR(320),
    bill_to_line1         VARCHAR(200),
    bill_to_line2         VARCHAR(200),
    bill_to_city          VARCHAR(100),
    bill_to_region        VARCHAR(100),
    bill_to_postal_code   VARCHAR(32),
    bill_to_country       VARCHAR(64),
    bill_to_tax_id        VARCHAR(64),
    bill_to_currency      CHAR(3)       NOT NULL,
    bill_to_payment_terms INTEGER,
    bill_to_tax_rate      NUMERIC,
    subtotal              NUMERIC       NOT NULL,
    tax                   NUMERIC       NOT NULL,
    total                 NUMERIC       NOT NULL,
    paid                  NUMERIC       NOT NULL,
    balance_due           NUMERIC       NOT NULL,
    created_at            TIMESTAMPTZ   NOT NULL,
    finalized_at          TIMESTAMPTZ,
    voided_at             TIMESTAMPTZ,
    void_reason           VARCHAR(500),
    version               BIGINT        NOT NULL
);
-- The list, newest issue date first, for the whole organization, one client, or one standing.
CREATE INDEX invoice_view_org_issued ON invoice_view (org_id, issue_date DESC, invoice_id DESC);
CREATE INDEX invoice_view_client_issued ON invoice_view (org_id, client_id, issue_date DESC, invoice_id DESC);
CREATE INDEX invoice_view_standing_issued ON invoice_view (org_id, standing, issue_date DESC, invoice_id DESC);

CREATE TABLE invoice_line_view (
    invoice_id     UUID          NOT NULL,
    line_id        UUID          NOT NULL,
    org_id         UUID          NOT NULL,
    position       INTEGER       NOT NULL,
    kind           VARCHAR(16)   NOT NULL,
    description    VARCHAR(500)  NOT NULL,
    quantity       NUMERIC       NOT NULL,
    unit_price     NUMERIC       NOT NULL,
    amount         NUMERIC       NOT NULL,
    time_entry_ids UUID[]        NOT NULL,
    expense_ids    UUID[]        NOT NULL,
    PRIMARY KEY (invoice_id, line_id)
);

CREATE TABLE invoice_payment_view (
    invoice_id     UUID          NOT NULL,
    payment_id     UUID          NOT NULL,
    org_id         UUID          NOT NULL,
    position       INTEGER       NOT NULL,
    amount         NUMERIC       NOT NULL,
    payment_date   DATE          NOT NULL,
    method         VARCHAR(16)   NOT NULL,
    reference      VARCHAR(200),
    recorded_at    TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (invoice_id, payment_id)
);
