-- Which Ledgerline record is linked to which QuickBooks record. Maintained by the subscribing processor
-- `command-side-registry` in the transaction that records the link: the primary key keeps one QuickBooks record per
-- Ledgerline record, the unique key one Ledgerline record per QuickBooks record, even when two requests race.
CREATE TABLE qbo_link (
    org_id   UUID         NOT NULL,
    entity   VARCHAR(16)  NOT NULL,
    local_id UUID         NOT NULL,
    realm_id VARCHAR(64)  NOT NULL,
    qbo_id   VARCHAR(64)  NOT NULL,
    CONSTRAINT qbo_link_local PRIMARY KEY (org_id, entity, local_id),
    CONSTRAINT qbo_link_remote UNIQUE (org_id, entity, realm_id, qbo_id)
);
