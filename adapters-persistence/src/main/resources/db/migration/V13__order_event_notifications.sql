-- Wakes the readers waiting for events (GET /events?wait=), on every instance: each statement that writes events
-- (order_status_history rows, V12) sends one notification per owner it wrote for, on channel order_events with the
-- owner's id as the payload. A notification is sent when, and only if, its transaction commits, so a reader is never
-- woken for a change that rolled back; PostgreSQL folds identical notifications of one transaction into one.
-- A trigger rather than a clause of each statement: every writer of the history notifies, whoever it is.
-- The notification is a hint: readers read the feed again at least every second anyway (EventService).
CREATE FUNCTION notify_order_event_owners() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    PERFORM pg_notify('order_events', owners.user_id::text)
    FROM (SELECT DISTINCT user_id FROM written) AS owners;
    RETURN NULL;
END
$$;

CREATE TRIGGER order_status_history_notify
    AFTER INSERT ON order_status_history
    REFERENCING NEW TABLE AS written
    FOR EACH STATEMENT
    EXECUTE FUNCTION notify_order_event_owners();
