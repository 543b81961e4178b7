-- Scenario 2, GET /orders/{id}: the token-version lookup of the auth hook (UserDao.TOKEN_VERSION), then
-- OrderDao.FIND_BY_ID; the service checks the owner in Java. Each statement its own implicit transaction.
-- Variables from bench/run: :list_uid, :first_oid, :last_oid (the user's orders were seeded with ids in that range;
-- ids of other users' orders in the range are read too, as they cost the same).
\set oid random(:first_oid, :last_oid)
SELECT token_version FROM users WHERE id = :list_uid;
SELECT id, user_id, product_name, amount, status, created_at, updated_at
FROM orders
WHERE id = :oid;
