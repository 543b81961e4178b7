-- Idempotency keys of POST /orders, one row per user and key (keys are scoped to their user). A row is made
-- 'in_flight' in its own commit when a request claims the key, so that a concurrent duplicate finds it and is told
-- 409 at once; it turns 'done', with the order and the first answer (status and body as sent, kept as text so the
-- replay is byte for byte), in the same transaction that inserts the order. A failed request deletes its in-flight
-- row; one left by a crash is taken over after a minute (see PlaceOrderOnceService). Rows older than 24 hours count
-- as absent and are deleted on write, a bounded batch per claim (idx_idempotency_keys_created_at).
CREATE TABLE idempotency_keys (
    user_id         BIGINT       NOT NULL REFERENCES users (id),
    idempotency_key VARCHAR(255) NOT NULL,
    -- SHA-256 in hex of the canonical request
    fingerprint     TEXT         NOT NULL,
    status          TEXT         NOT NULL
        CONSTRAINT idempotency_keys_status_known CHECK (status IN ('in_flight', 'done')),
    order_id        BIGINT REFERENCES orders (id),
    response_status INTEGER,
    response_body   TEXT,
    -- when the key was claimed; also identifies the claim, so that a request whose claim was taken over cannot
    -- complete it
    created_at      TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (user_id, idempotency_key),
    CONSTRAINT idempotency_keys_done_has_its_answer CHECK (
        (status = 'done') = (order_id IS NOT NULL AND response_status IS NOT NULL AND response_body IS NOT NULL))
);

CREATE INDEX idx_idempotency_keys_created_at ON idempotency_keys (created_at);
