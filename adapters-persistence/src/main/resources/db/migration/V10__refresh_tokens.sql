-- Refresh tokens (POST /auth/refresh), in families: one family per log-in, one row per token of it. A rotation marks
-- the presented token spent and adds its successor; spent rows stay, so that a token presented twice is recognised
-- and revokes its family. Revocation (log-out, reuse) is one column of the family, read by every refresh, so a token
-- added to a family while another transaction revokes it is refused all the same. Only the SHA-256 of a token is kept.
-- Expired families are deleted, with their tokens, by the housekeeping job, in batches off
-- idx_refresh_token_families_expires_at.
CREATE TABLE refresh_token_families (
    id         UUID        PRIMARY KEY,
    user_id    BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);

CREATE INDEX idx_refresh_token_families_user_id ON refresh_token_families (user_id);
CREATE INDEX idx_refresh_token_families_expires_at ON refresh_token_families (expires_at);

CREATE TABLE refresh_tokens (
    token_hash TEXT        PRIMARY KEY
        CONSTRAINT refresh_tokens_hash_is_sha256_hex CHECK (token_hash ~ '^[0-9a-f]{64}$'),
    family_id  UUID        NOT NULL REFERENCES refresh_token_families (id) ON DELETE CASCADE,
    issued_at  TIMESTAMPTZ NOT NULL,
    spent_at   TIMESTAMPTZ
);

-- the cascade from a deleted family finds its tokens through this index
CREATE INDEX idx_refresh_tokens_family_id ON refresh_tokens (family_id);
