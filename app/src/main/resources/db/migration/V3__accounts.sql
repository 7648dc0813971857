-- Command-side registry of who may sign in. Rows follow the member and organization events in the same
-- transaction (a subscribing processor); the password hash and the encrypted TOTP secret are written by the
-- authentication service and never appear in any event.
CREATE TABLE org_security (
    org_id       UUID    NOT NULL PRIMARY KEY,
    mfa_required BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE account (
    member_id       UUID         NOT NULL PRIMARY KEY,
    org_id          UUID         NOT NULL REFERENCES org_security (org_id),
    email           VARCHAR(320) NOT NULL,
    role            VARCHAR(32)  NOT NULL,
    active          BOOLEAN      NOT NULL,
    mfa_enrolled    BOOLEAN      NOT NULL DEFAULT FALSE,
    password_hash   VARCHAR(255),
    -- Tink AEAD ciphertext of the pending or confirmed TOTP secret; associated data = the member id.
    totp_secret     BYTEA,
    last_totp_step  BIGINT
);
CREATE UNIQUE INDEX account_email ON account (lower(email));
CREATE INDEX account_org_role ON account (org_id, role) WHERE active;

-- Refresh tokens are stored as SHA-256 hashes; each use rotates the token inside its family, and presenting
-- a rotated token again revokes the whole family (it was stolen or replayed).
CREATE TABLE refresh_token (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    family_id   UUID        NOT NULL,
    member_id   UUID        NOT NULL REFERENCES account (member_id),
    expires_at  TIMESTAMPTZ NOT NULL,
    used_at     TIMESTAMPTZ,
    revoked     BOOLEAN     NOT NULL DEFAULT FALSE
);
CREATE INDEX refresh_token_family ON refresh_token (family_id);
