-- The generation of a user's access tokens (User.tokenVersion): a token carries the version it was issued at and is
-- refused once the version has moved on, so raising it revokes every token issued before.
ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0
    CONSTRAINT users_token_version_not_negative CHECK (token_version >= 0);
