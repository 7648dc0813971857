-- Cross-cutting tables of the HTTP layer.

-- Idempotency-Key: the first response to a key is kept and replayed for the same request; a different
-- request under the same key is refused. Scoped by the caller (member id, or the anonymous scope for sign-up).
CREATE TABLE idempotency_record (
    scope         VARCHAR(64)  NOT NULL,
    key           VARCHAR(255) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        INTEGER,
    content_type  VARCHAR(255),
    headers       TEXT,
    body          BYTEA,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    completed_at  TIMESTAMPTZ,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
