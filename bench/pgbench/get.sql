-- Scenario 2, GET /orders/{id}: the token-version lookup of the auth hook (UserDao.TOKEN_VERSION), then
-- OrderDao.FIND_BY_ID, each its own implicit transaction, as the service writes them, with its parameters as pgbench
-- variables (BenchStatementsTest holds them to it); the service checks the owner in Java.
-- Variables: :list_uid, :first_oid, :last_oid (the list user's orders were seeded with ids in that range; ids of
-- other users' orders in the range are read too, as they cost the same).
\set oid random(:first_oid, :last_oid)
SELECT token_version FROM users WHERE id = :list_uid;
SELECT id, user_id, product_name, amount, status, created_at, updated_at
FROM orders
WHERE id = :oid;
