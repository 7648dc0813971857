-- An organization's QuickBooks tokens, encrypted with the secrets key (Tink AEAD, associated data
-- "qbo_token:<org>:access|refresh", so a ciphertext copied onto another row or column does not open). Never in
-- events, never logged. `version` moves on every write: a refresher holding the row lock (SELECT … FOR UPDATE)
-- compares it with the version it found stale, so concurrent refreshers — in this JVM or another — refresh once.
-- `expired_at`: Intuit refused the refresh token for good; calls stop until a reconnect stores new tokens.
CREATE TABLE qbo_token (
    org_id                  UUID         PRIMARY KEY,
    realm_id                VARCHAR(64)  NOT NULL,
    access_token            BYTEA        NOT NULL,
    access_expires_at       TIMESTAMPTZ  NOT NULL,
    refresh_token           BYTEA        NOT NULL,
    refresh_expires_at      TIMESTAMPTZ,
    refresh_hard_expires_at TIMESTAMPTZ,
    version                 BIGINT       NOT NULL,
    updated_at              TIMESTAMPTZ  NOT NULL,
    expired_at              TIMESTAMPTZ,
    expired_reason          VARCHAR(200)
);
