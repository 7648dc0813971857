-- Persistent deadlines (db-scheduler's PostgreSQL schema, used by Axon's DbSchedulerDeadlineManager): a retry a saga
-- scheduled survives a restart of the application, and one node of several picks each due retry.
CREATE TABLE scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- QuickBooks invoices imported for consolidated reporting (projection group `qbo-imported-invoices`). QuickBooks'
-- TotalAmt and Balance are the truth here: payments and credits made there are in the balance.
CREATE TABLE qbo_imported_invoice_view (
    org_id         UUID          NOT NULL,
    realm_id       VARCHAR(64)   NOT NULL,
    qbo_invoice_id VARCHAR(64)   NOT NULL,
    doc_number     VARCHAR(64),
    qbo_customer_id VARCHAR(64),
    client_id      UUID,
    txn_date       DATE,
    due_date       DATE,
    total          NUMERIC(19, 4) NOT NULL,
    balance        NUMERIC(19, 4) NOT NULL,
    currency       VARCHAR(3),
    status         VARCHAR(16)   NOT NULL,
    qbo_updated_at TIMESTAMP WITH TIME ZONE,
    version        BIGINT        NOT NULL,
    PRIMARY KEY (org_id, realm_id, qbo_invoice_id)
);
-- The list filters by client and status and pages by (txn_date, qbo_invoice_id).
CREATE INDEX qbo_imported_invoice_view_client ON qbo_imported_invoice_view (org_id, client_id, txn_date DESC, qbo_invoice_id);
CREATE INDEX qbo_imported_invoice_view_status ON qbo_imported_invoice_view (org_id, status, txn_date DESC, qbo_invoice_id);
