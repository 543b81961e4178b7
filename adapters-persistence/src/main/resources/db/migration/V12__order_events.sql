-- Each row of order_status_history is also the event of its change (OrderEventFeed): it is written in the same
-- statement as the change, so an event exists exactly when its change committed. What an event needs beyond the
-- history entry:
--   user_id   the order's owner, so that an owner's feed is one range of an index;
--   sequence  the change's place in its order's history (StatusChange.sequence: 1 for the placement);
--   xid       the writing transaction's id, given by the default, never by the statement. The feed is ordered by
--             (xid, id) and shows only rows whose transaction is older than the reader's snapshot xmin: those have
--             all ended, and any transaction still to commit has a larger xid, so its events can only come after
--             every position already handed out (JdbiOrderEventFeed).
-- The event's order (GET /orders/{id} as it answered right after the change) is read from orders at read time:
-- only status and updated_at ever change, and they are this row's to_status and at.
ALTER TABLE order_status_history
    ADD COLUMN user_id  BIGINT,
    ADD COLUMN sequence INTEGER,
    ADD COLUMN xid      xid8;

-- Rows written before this migration: their transactions have all ended, so xid 0 (older than any transaction)
-- keeps them first in each owner's feed, in id order, which is the order they were written in.
UPDATE order_status_history AS h
SET user_id  = o.user_id,
    sequence = n.sequence,
    xid      = '0'::xid8
FROM orders AS o,
     (SELECT id, row_number() OVER (PARTITION BY order_id ORDER BY id)::int AS sequence
      FROM order_status_history) AS n
WHERE o.id = h.order_id AND n.id = h.id;

ALTER TABLE order_status_history
    ALTER COLUMN user_id SET NOT NULL,
    ALTER COLUMN sequence SET NOT NULL,
    ALTER COLUMN xid SET NOT NULL,
    ALTER COLUMN xid SET DEFAULT pg_current_xact_id(),
    ADD CONSTRAINT order_status_history_sequence_positive CHECK (sequence >= 1);

-- No two events of an order share a sequence: a last line of defence for the state machine's tree rule.
CREATE UNIQUE INDEX idx_order_status_history_sequence ON order_status_history (order_id, sequence);

-- An owner's feed in its order: WHERE user_id = :owner AND (xid, id) > (cursor) ORDER BY xid, id LIMIT n is one
-- range scan in index order that stops after n rows.
CREATE INDEX idx_order_events_feed ON order_status_history (user_id, xid, id);
