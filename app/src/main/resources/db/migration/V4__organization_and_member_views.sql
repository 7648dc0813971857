-- Read models (projections module). Every row carries the version of the aggregate it reflects.
CREATE TABLE organization_view (
    org_id                    UUID         NOT NULL PRIMARY KEY,
    name                      VARCHAR(200) NOT NULL,
    time_zone                 VARCHAR(64)  NOT NULL,
    currency                  CHAR(3)      NOT NULL,
    default_payment_terms     INTEGER,
    default_billing_currency  CHAR(3),
    default_tax_rate          NUMERIC(7, 4),
    mfa_required              BOOLEAN      NOT NULL,
    created_at                TIMESTAMPTZ  NOT NULL,
    version                   BIGINT       NOT NULL
);

CREATE TABLE member_view (
    member_id     UUID         NOT NULL PRIMARY KEY,
    org_id        UUID         NOT NULL,
    email         VARCHAR(320) NOT NULL,
    name          VARCHAR(200) NOT NULL,
    role          VARCHAR(32)  NOT NULL,
    active        BOOLEAN      NOT NULL,
    mfa_enrolled  BOOLEAN      NOT NULL,
    joined_at     TIMESTAMPTZ  NOT NULL,
    version       BIGINT       NOT NULL
);
CREATE INDEX member_view_org_name ON member_view (org_id, lower(name), member_id);
