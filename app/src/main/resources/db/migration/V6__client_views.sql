-- Client read models (projections module, processing group `clients`). Every row carries the version of the
-- client aggregate it reflects.

CREATE TABLE client_view (
    client_id                 UUID          NOT NULL PRIMARY KEY,
    org_id                    UUID          NOT NULL,
    name                      VARCHAR(200)  NOT NULL,
    -- lower(name): the list's sort key and search target
    name_key                  VARCHAR(200)  NOT NULL,
    code                      VARCHAR(64)   NOT NULL,
    email                     VARCHAR(320),
    phone                     VARCHAR(64),
    website                   VARCHAR(500),
    address_line1             VARCHAR(200),
    address_line2             VARCHAR(200),
    address_city              VARCHAR(100),
    address_region            VARCHAR(100),
    address_postal_code       VARCHAR(32),
    address_country           VARCHAR(64),
    tags                      TEXT[]        NOT NULL,
    -- lower-cased tags, so the tag filter is case-insensitive and served by the GIN index
    tag_keys                  TEXT[]        NOT NULL,
    status                    VARCHAR(16)   NOT NULL,
    billing_contact_name      VARCHAR(200),
    billing_email             VARCHAR(320),
    billing_line1             VARCHAR(200),
    billing_line2             VARCHAR(200),
    billing_city              VARCHAR(100),
    billing_region            VARCHAR(100),
    billing_postal_code       VARCHAR(32),
    billing_country           VARCHAR(64),
    billing_currency          CHAR(3)       NOT NULL,
    billing_payment_terms     INTEGER,
    billing_tax_rate          NUMERIC(7, 4),
    billing_tax_id            VARCHAR(64),
    created_at                TIMESTAMPTZ   NOT NULL,
    version                   BIGINT        NOT NULL
);
-- The default list (one status, by name) and the list of every status.
CREATE INDEX client_view_org_status_name ON client_view (org_id, status, name_key, client_id);
CREATE INDEX client_view_org_name ON client_view (org_id, name_key, client_id);
CREATE INDEX client_view_tags ON client_view USING GIN (tag_keys);

-- The billing settings in force from each change on: an invoice takes the row in force when it is created.
CREATE TABLE client_billing_history (
    client_id                 UUID          NOT NULL,
    -- the client version that set these settings; makes a redelivered event a no-op
    version                   BIGINT        NOT NULL,
    org_id                    UUID          NOT NULL,
    effective_from            TIMESTAMPTZ   NOT NULL,
    contact_name              VARCHAR(200),
    email                     VARCHAR(320),
    line1                     VARCHAR(200),
    line2                     VARCHAR(200),
    city                      VARCHAR(100),
    region                    VARCHAR(100),
    postal_code               VARCHAR(32),
    country                   VARCHAR(64),
    currency                  CHAR(3)       NOT NULL,
    payment_terms             INTEGER,
    tax_rate                  NUMERIC(7, 4),
    tax_id                    VARCHAR(64),
    PRIMARY KEY (client_id, version)
);
CREATE INDEX client_billing_history_effective ON client_billing_history (client_id, effective_from);

CREATE TABLE client_note_view (
    note_id                   UUID          NOT NULL PRIMARY KEY,
    client_id                 UUID          NOT NULL,
    org_id                    UUID          NOT NULL,
    type                      VARCHAR(16)   NOT NULL,
    body                      TEXT          NOT NULL,
    author_id                 UUID,
    created_at                TIMESTAMPTZ   NOT NULL,
    updated_at                TIMESTAMPTZ   NOT NULL,
    version                   BIGINT        NOT NULL
);
CREATE INDEX client_note_view_client_created ON client_note_view (org_id, client_id, created_at DESC, note_id DESC);
