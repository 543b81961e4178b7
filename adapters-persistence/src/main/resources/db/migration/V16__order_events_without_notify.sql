-- The readers waiting for events are woken by each instance reading the history's newest rows (PgEventSignals),
-- no longer by a notification from the writing transaction: a transaction that notifies takes a lock for the whole
-- database at commit and holds it through its log flush, so every order change's commit waited for every other's.
DROP TRIGGER order_status_history_notify ON order_status_history;
DROP FUNCTION notify_order_event_owners();
