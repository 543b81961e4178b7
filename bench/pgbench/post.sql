-- Scenario 3, POST /orders: the token-version lookup (UserDao.TOKEN_VERSION), OrderDao.nextId, then
-- OrderDao.insertWithFirstChange; three statements, each its own implicit transaction, as in the service.
-- The service binds its clock's instants and a NULL from_status; here now() and a literal NULL.
-- Variables from bench/run: :post_first_uid, :post_last_uid.
\set uid random(:post_first_uid, :post_last_uid)
SELECT token_version FROM users WHERE id = :uid;
SELECT nextval('orders_id_seq') AS oid \gset
WITH placed AS (
    INSERT INTO orders (id, user_id, product_name, amount, status, created_at, updated_at)
    VALUES (:oid, :uid, 'Bench item', 19.99, 'pending', now(), now())
    RETURNING id
)
INSERT INTO order_status_history (order_id, from_status, to_status, at, actor)
SELECT placed.id, NULL, 'pending', now(), 'user'
FROM placed;
