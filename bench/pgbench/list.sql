-- Scenario 1, GET /orders?limit=20: the statements one request issues, in order, each its own implicit transaction
-- (the service runs them in autocommit, one pooled connection each): UserDao.TOKEN_VERSION, then OrderDao.FIND_PAGE,
-- as the service writes them, with its parameters as pgbench variables (BenchStatementsTest holds them to it).
-- Variables: :list_uid, and the values of the first page, which bench/lib.sh gives: :limit (limit + 1 = 21 rows, to
-- know whether a next page exists) and no cursor, where the service binds NULLs and pgbench, which cannot bind a
-- NULL, binds what the COALESCEs put in their place (:afterCreatedAt, :afterId).
SELECT token_version FROM users WHERE id = :list_uid;
SELECT t.total, p.id, p.user_id, p.product_name, p.amount, p.status, p.created_at, p.updated_at
FROM (SELECT COALESCE(sum(count), 0)::bigint AS total FROM order_counts WHERE user_id = :list_uid) AS t
LEFT JOIN (
    SELECT id, user_id, product_name, amount, status, created_at, updated_at
    FROM orders
    WHERE user_id = :list_uid
      AND (created_at, id) < (COALESCE(:afterCreatedAt, 'infinity'::timestamptz),
                              COALESCE(:afterId, 9223372036854775807))
    ORDER BY created_at DESC, id DESC
    LIMIT :limit
) AS p ON true
ORDER BY p.created_at DESC, p.id DESC;
