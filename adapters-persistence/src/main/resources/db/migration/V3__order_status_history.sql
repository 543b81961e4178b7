-- Every status change of an order, written in the same statement as the change itself. Rows are only ever
-- inserted; id gives their order (two changes may share a timestamp).
CREATE TABLE order_status_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    BIGINT      NOT NULL REFERENCES orders (id),
    -- NULL only on the entry that opens a history: the placement (see the CHECK below).
    from_status TEXT
        CONSTRAINT order_status_history_from_known
            CHECK (from_status IN ('pending', 'processing', 'completed', 'cancelled')),
    to_status   TEXT        NOT NULL
        CONSTRAINT order_status_history_to_known
            CHECK (to_status IN ('pending', 'processing', 'completed', 'cancelled')),
    at          TIMESTAMPTZ NOT NULL,
    -- Actor.code(): the order's owner or the processing job.
    actor       TEXT        NOT NULL
        CONSTRAINT order_status_history_actor_known CHECK (actor IN ('user', 'system')),
    CONSTRAINT order_status_history_only_placement_has_no_origin
        CHECK (from_status IS NOT NULL OR to_status = 'pending')
);

-- An order's history, oldest first: WHERE order_id = :id ORDER BY id reads it in index order.
CREATE INDEX idx_order_status_history_order ON order_status_history (order_id, id);
