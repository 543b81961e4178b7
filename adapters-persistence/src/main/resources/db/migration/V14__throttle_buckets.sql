-- The log-in limits' token buckets (Bucket4j's PostgreSQL proxy manager), one row per key and limit, shared by every
-- instance: `state` is Bucket4j's serialised bucket, NULL for the moment between the row's insert and its first
-- update. Keys are text ('address:<ip>', 'account:<email>', prefixed with the limit), locked with SELECT ... FOR
-- UPDATE for one short transaction. `expires_at` is when the bucket will have refilled completely: from then on the
-- row changes no answer, and the housekeeping job deletes it in batches off idx_throttle_buckets_expires_at.
CREATE TABLE throttle_buckets (
    id         TEXT        PRIMARY KEY,
    state      BYTEA,
    expires_at TIMESTAMPTZ
);

CREATE INDEX idx_throttle_buckets_expires_at ON throttle_buckets (expires_at);
