-- Scenario 3, POST /orders: the token-version lookup (UserDao.TOKEN_VERSION), OrderDao.NEXT_ID, then
-- OrderDao.INSERT_WITH_FIRST_CHANGE; three statements, each its own implicit transaction, as the service writes them,
-- with its parameters as pgbench variables (BenchStatementsTest holds them to it).
-- Variables: :post_first_uid, :post_last_uid, and the order wrk posts, which bench/lib.sh gives (:productName,
-- :amount, :status, :toStatus, :actor, :sequence; the instants are 'now', the transaction's start, where the service
-- binds its clock's). A placement has no origin: the service binds a NULL from_status, which pgbench cannot bind, so it is
-- written NULL.
\set uid random(:post_first_uid, :post_last_uid)
SELECT token_version FROM users WHERE id = :uid;
SELECT nextval('orders_id_seq') \gset
WITH placed AS (
    INSERT INTO orders (id, user_id, product_name, amount, status, created_at, updated_at)
    VALUES (:nextval, :uid, :productName, :amount, :status, :createdAt, :updatedAt)
    RETURNING id, user_id
)
INSERT INTO order_status_history (order_id, user_id, from_status, to_status, at, actor, sequence)
SELECT placed.id, placed.user_id, NULL, :toStatus, :at, :actor, :sequence
FROM placed;
