-- Which finalized invoice bills a time entry or an expense. Maintained by the subscribing processor
-- `command-side-registry` in the transaction that finalizes or voids the invoice: the primary key makes a second
-- invoice that tries to bill the same work fail as a whole.
CREATE TABLE billed_work (
    item_id    UUID        NOT NULL,
    org_id     UUID        NOT NULL,
    invoice_id UUID        NOT NULL,
    kind       VARCHAR(16) NOT NULL,
    CONSTRAINT billed_work_item PRIMARY KEY (item_id)
);
CREATE INDEX billed_work_invoice ON billed_work (invoice_id);
