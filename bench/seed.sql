-- bench/seed.sql: the benchmark's orders, set-based, run by bench/run with psql on the freshly migrated schema.
-- Variables: :orders (how many, 10,000,000 by default), :bg_users (the users who hold most of them), and the three
-- list users :small_uid, :medium_uid, :large_uid with one order in every :small_step, :medium_step, :large_step
-- (20, 10,000 and 1,000,000 orders of 10,000,000). The orders are created over about three years, one every
-- 9 seconds, each user's interleaved with everyone else's as a real table's are; about one in seven is cancelled,
-- the others completed, each with the history the service would have written (placed; taken and completed, or
-- cancelled). No order is pending: the processing job is measured on orders of its own.
--
-- For speed the load runs as one transaction per table without the secondary indexes (built afterwards, sorted, in
-- one pass each) and with session_replication_role = replica, which skips the foreign-key checks (every id is made
-- here, consistent) and the triggers that keep order_counts; order_counts is then computed in one pass, as V9's
-- backfill does.
\set ON_ERROR_STOP on
SET session_replication_role = replica;
SET maintenance_work_mem = '512MB';

INSERT INTO users (name, email, password_hash, created_at)
SELECT 'Background ' || g, 'background' || g || '@bench.invalid',
       '$2a$12$AAAAAAAAAAAAAAAAAAAAAOAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', now()
FROM generate_series(1, :bg_users) g;
SELECT min(id) AS bg_first FROM users WHERE email LIKE 'background%@bench.invalid' \gset

DROP INDEX idx_orders_user_page;
DROP INDEX idx_orders_user_status_page;
DROP INDEX idx_order_status_history_order;
DROP INDEX idx_order_status_history_sequence;
DROP INDEX idx_order_events_feed;

INSERT INTO orders (id, user_id, product_name, amount, status, created_at, updated_at)
SELECT g,
       CASE WHEN g % :large_step = 0 THEN :large_uid
            WHEN g % :medium_step = 1 THEN :medium_uid
            WHEN g % :small_step = 2 THEN :small_uid
            ELSE :bg_first + (g * 7919) % :bg_users END,
       'Item ' || g, 10.00 + g % 90,
       CASE WHEN g % 7 = 3 THEN 'cancelled' ELSE 'completed' END,
       timestamptz '2023-12-01 00:00:00+00' + g * interval '9 seconds',
       timestamptz '2023-12-01 00:00:00+00' + g * interval '9 seconds' + interval '1 hour'
FROM generate_series(1::bigint, :orders) g;
SELECT setval('orders_id_seq', :orders) \g /dev/null

INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
SELECT id, user_id, f, t, at, actor, seq
FROM orders,
     LATERAL (VALUES (NULL, 'pending', created_at, 'user', 1, true),
                     ('pending', 'processing', created_at + interval '2 minutes', 'system', 2, status = 'completed'),
                     ('processing', 'completed', updated_at, 'system', 3, status = 'completed'),
                     ('pending', 'cancelled', updated_at, 'user', 2, status = 'cancelled'))
         AS h (f, t, at, actor, seq, applies)
WHERE applies;

CREATE INDEX idx_orders_user_page ON orders (user_id, created_at DESC, id DESC);
CREATE INDEX idx_orders_user_status_page ON orders (user_id, status, created_at DESC, id DESC);
CREATE INDEX idx_order_status_history_order ON order_status_history (order_id, id);
CREATE UNIQUE INDEX idx_order_status_history_sequence ON order_status_history (order_id, sequence);
CREATE INDEX idx_order_events_feed ON order_status_history (user_id, xid, id);

INSERT INTO order_counts (user_id, status, count)
SELECT user_id, status, count(*) FROM orders GROUP BY user_id, status;
