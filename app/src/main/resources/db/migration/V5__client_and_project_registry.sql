-- Command-side registries for rules no single aggregate can check. Maintained by the subscribing processor
-- `command-side-registry` in the same transaction as the events: never behind, unlike the read models.

CREATE TABLE client_registry (
    client_id  UUID         NOT NULL PRIMARY KEY,
    org_id     UUID         NOT NULL,
    -- name trimmed, inner white space folded, lower-cased: "Acme  Corp " and "acme corp" clash
    name_key   VARCHAR(200) NOT NULL,
    code_key   VARCHAR(64)  NOT NULL,
    standing   VARCHAR(16)  NOT NULL
);
CREATE UNIQUE INDEX client_registry_name ON client_registry (org_id, name_key);
CREATE UNIQUE INDEX client_registry_code ON client_registry (org_id, code_key);

CREATE TABLE project_registry (
    project_id UUID        NOT NULL PRIMARY KEY,
    org_id     UUID        NOT NULL,
    client_id  UUID        NOT NULL,
    status     VARCHAR(16) NOT NULL
);
CREATE INDEX project_registry_client ON project_registry (org_id, client_id, status);

CREATE TABLE org_billing_defaults (
    org_id             UUID    NOT NULL PRIMARY KEY,
    payment_terms_days INTEGER,
    currency           CHAR(3) NOT NULL,
    tax_rate           NUMERIC(7, 4)
);
