-- How many orders each user has in each status, so that a list page's total is read from at most four rows instead
-- of counting the user's orders: a page then costs the same for 20 orders or a million.
--
-- The database keeps the rows exact itself, whoever writes orders (the service, the processing job, a script):
-- statement-level AFTER triggers on orders read the statement's transition tables, add up the change per
-- (user_id, status) and apply it in the same transaction as the change, so a count is committed or rolled back with
-- the orders it counts, and a list statement (one snapshot) sees both in the same state. Rows are never deleted,
-- a count may reach 0.
--
-- Deadlocks: a delta is applied as one INSERT ... ON CONFLICT DO UPDATE that takes the rows' locks in the order
-- (user_id, status), the same for every statement, and only after the statement has taken all its orders' locks. A
-- batch of the processing job (many users) and a concurrent cancel (one user) thus wait for each other's counts in
-- one global order, never in a cycle. The price: writes of one user's orders queue on that user's count rows until
-- each commits.
--
-- No CHECK (count >= 0): PostgreSQL checks the proposed row of an INSERT ... ON CONFLICT before it finds the conflict,
-- so a negative delta could not be applied to an existing row. The repository contract test proves the counts exact.
-- Writers of orders wait from here, before the triggers exist, until this migration commits, so that no change is
-- counted twice or missed by the backfill below; reads go on. On a large table they wait for one scan of it.
LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE;

CREATE TABLE order_counts (
    user_id BIGINT NOT NULL REFERENCES users (id),
    status  TEXT   NOT NULL
        CONSTRAINT order_counts_status_known CHECK (status IN ('pending', 'processing', 'completed', 'cancelled')),
    count   BIGINT NOT NULL,
    PRIMARY KEY (user_id, status)
);

CREATE FUNCTION order_counts_apply() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    IF TG_OP = 'INSERT' THEN
        INSERT INTO order_counts AS c (user_id, status, count)
        SELECT user_id, status, count(*) FROM new_orders GROUP BY user_id, status ORDER BY user_id, status
        ON CONFLICT (user_id, status) DO UPDATE SET count = c.count + EXCLUDED.count;
    ELSIF TG_OP = 'DELETE' THEN
        INSERT INTO order_counts AS c (user_id, status, count)
        SELECT user_id, status, -count(*) FROM old_orders GROUP BY user_id, status ORDER BY user_id, status
        ON CONFLICT (user_id, status) DO UPDATE SET count = c.count + EXCLUDED.count;
    ELSE
        -- an UPDATE that leaves status and user_id alone changes no count: its rows cancel out and nothing is locked
        INSERT INTO order_counts AS c (user_id, status, count)
        SELECT user_id, status, sum(delta)
        FROM (SELECT user_id, status, -1 AS delta FROM old_orders
              UNION ALL
              SELECT user_id, status, 1 FROM new_orders) AS changes
        GROUP BY user_id, status
        HAVING sum(delta) <> 0
        ORDER BY user_id, status
        ON CONFLICT (user_id, status) DO UPDATE SET count = c.count + EXCLUDED.count;
    END IF;
    RETURN NULL;
END
$$;

-- One trigger per event: a trigger with transition tables may name one event only, and no UPDATE OF column list.
CREATE TRIGGER orders_count_inserts AFTER INSERT ON orders
    REFERENCING NEW TABLE AS new_orders
    FOR EACH STATEMENT EXECUTE FUNCTION order_counts_apply();
CREATE TRIGGER orders_count_updates AFTER UPDATE ON orders
    REFERENCING OLD TABLE AS old_orders NEW TABLE AS new_orders
    FOR EACH STATEMENT EXECUTE FUNCTION order_counts_apply();
CREATE TRIGGER orders_count_deletes AFTER DELETE ON orders
    REFERENCING OLD TABLE AS old_orders
    FOR EACH STATEMENT EXECUTE FUNCTION order_counts_apply();

-- The backfill, from the orders as they are under the lock taken above.
INSERT INTO order_counts (user_id, status, count)
SELECT user_id, status, count(*) FROM orders GROUP BY user_id, status;

-- The owner's count was the last reader of idx_orders_user_id: idx_orders_user_page serves everything else that
-- looks orders up by user_id, so every insert saves an index entry.
DROP INDEX idx_orders_user_id;
