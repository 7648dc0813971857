-- Expenses: the command side's registries (subscribing processor `command-side-registry`, written in the
-- transaction that appends the events), the receipt files, and the read models of the `expenses` processing group.

-- The organization's own currency: an expense is in it unless it names another.
CREATE TABLE expense_org_currency (
    org_id   UUID    NOT NULL PRIMARY KEY,
    currency CHAR(3) NOT NULL
);

-- Whose each expense is, so that a receipt is only handed to those who may see its expense.
CREATE TABLE expense_registry (
    expense_id UUID NOT NULL PRIMARY KEY,
    org_id     UUID NOT NULL,
    member_id  UUID NOT NULL
);

-- The provider ids of imported expenses. Kept when the expense is deleted, so that the next import does not bring
-- back what someone deleted; the primary key refuses the second of two imports racing with one id.
CREATE TABLE expense_external_id (
    org_id      UUID         NOT NULL,
    provider    VARCHAR(32)  NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    expense_id  UUID         NOT NULL,
    CONSTRAINT expense_external_id_key PRIMARY KEY (org_id, provider, external_id)
);

CREATE TABLE expense_category_registry (
    category_id UUID         NOT NULL PRIMARY KEY,
    org_id      UUID         NOT NULL,
    -- name trimmed, inner white space folded, lower-cased: "Travel " and "travel" clash
    name_key    VARCHAR(100) NOT NULL,
    active      BOOLEAN      NOT NULL
);
CREATE UNIQUE INDEX expense_category_registry_name ON expense_category_registry (org_id, name_key);

-- Mapped merchants only; the mapping id is derived from the organization and the normalized merchant.
CREATE TABLE merchant_mapping_registry (
    mapping_id  UUID NOT NULL PRIMARY KEY,
    org_id      UUID NOT NULL,
    project_id  UUID,
    category_id UUID
);

-- Receipt files, written by the API in the transaction that records ReceiptAttached (whose payload describes the
-- file but never holds it) and removed with ReceiptRemoved or ExpenseDeleted. Not a read model: a replay never
-- touches it.
CREATE TABLE expense_receipt (
    expense_id   UUID         NOT NULL PRIMARY KEY,
    org_id       UUID         NOT NULL,
    content_type VARCHAR(64)  NOT NULL,
    size_bytes   INTEGER      NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    filename     VARCHAR(255) NOT NULL,
    content      BYTEA        NOT NULL,
    stored_at    TIMESTAMPTZ  NOT NULL
);

-- Read models (projections module, processing group `expenses`). Every row carries the version of the aggregate it
-- reflects. Whether an expense is invoiced lives in its own table, joined at query time, because invoice events and
-- expense events may be handled in any order.
CREATE TABLE expense_view (
    expense_id           UUID          NOT NULL PRIMARY KEY,
    org_id               UUID          NOT NULL,
    member_id            UUID          NOT NULL,
    recorded_by          UUID,
    expense_date         DATE          NOT NULL,
    amount               NUMERIC(19, 4) NOT NULL,
    currency             CHAR(3)       NOT NULL,
    merchant             VARCHAR(200)  NOT NULL,
    category_id          UUID          NOT NULL,
    project_id           UUID,
    client_id            UUID,
    description          VARCHAR(2000),
    billable             BOOLEAN       NOT NULL,
    reimbursable         BOOLEAN       NOT NULL,
    -- DRAFT, SUBMITTED, APPROVED or REJECTED; INVOICED is derived from expense_invoicing_view
    status               VARCHAR(16)   NOT NULL,
    rejection_reason     VARCHAR(1000),
    submitted_by         UUID,
    submitted_at         TIMESTAMPTZ,
    decided_by           UUID,
    decided_at           TIMESTAMPTZ,
    unlocked             BOOLEAN       NOT NULL,
    receipt_content_type VARCHAR(64),
    receipt_size_bytes   INTEGER,
    receipt_sha256       CHAR(64),
    receipt_filename     VARCHAR(255),
    source_type          VARCHAR(16)   NOT NULL,
    source_provider      VARCHAR(32),
    source_external_id   VARCHAR(200),
    defaults_mapping_id  UUID,
    defaulted_project    BOOLEAN       NOT NULL,
    defaulted_category   BOOLEAN       NOT NULL,
    created_at           TIMESTAMPTZ   NOT NULL,
    updated_at           TIMESTAMPTZ   NOT NULL,
    version              BIGINT        NOT NULL
);
-- Lists are newest first; one index per filter that narrows the most.
CREATE INDEX expense_view_org_date ON expense_view (org_id, expense_date DESC, expense_id DESC);
CREATE INDEX expense_view_member_date ON expense_view (org_id, member_id, expense_date DESC, expense_id DESC);
CREATE INDEX expense_view_project_date ON expense_view (org_id, project_id, expense_date DESC, expense_id DESC);
CREATE INDEX expense_view_client_date ON expense_view (org_id, client_id, expense_date DESC, expense_id DESC);
CREATE INDEX expense_view_status_date ON expense_view (org_id, status, expense_date DESC, expense_id DESC);

-- One row per (expense, invoice) that billed it; voiding keeps the row and marks it, so that the outcome does not
-- depend on the order in which the events of two invoices arrive. An expense is invoiced while a row is not voided.
CREATE TABLE expense_invoicing_view (
    expense_id UUID    NOT NULL,
    invoice_id UUID    NOT NULL,
    org_id     UUID    NOT NULL,
    voided     BOOLEAN NOT NULL,
    PRIMARY KEY (expense_id, invoice_id)
);

CREATE TABLE expense_category_view (
    category_id UUID         NOT NULL PRIMARY KEY,
    org_id      UUID         NOT NULL,
    name        VARCHAR(100) NOT NULL,
    active      BOOLEAN      NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    version     BIGINT       NOT NULL
);
CREATE INDEX expense_category_view_org_name ON expense_category_view (org_id, lower(name), category_id);

-- An unmapped merchant keeps its row (mapped = FALSE): mapping it again continues the same aggregate.
CREATE TABLE merchant_mapping_view (
    mapping_id   UUID         NOT NULL PRIMARY KEY,
    org_id       UUID         NOT NULL,
    merchant     VARCHAR(200) NOT NULL,
    -- trimmed, inner white space folded, lower-cased: the list's sort key
    merchant_key VARCHAR(200) NOT NULL,
    project_id   UUID,
    category_id  UUID,
    mapped       BOOLEAN      NOT NULL,
    updated_at   TIMESTAMPTZ  NOT NULL,
    version      BIGINT       NOT NULL
);
CREATE INDEX merchant_mapping_view_org_merchant ON merchant_mapping_view (org_id, merchant_key, mapping_id)
    WHERE mapped;
