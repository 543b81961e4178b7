-- Scenario 1, GET /orders?limit=20: the statements one HTTP request issues, in order, each in its own implicit
-- transaction (the service runs them in autocommit, one pooled connection each). Copied from UserDao.TOKEN_VERSION and
-- OrderDao.FIND_PAGE; the service asks for limit + 1 = 21 rows to know whether a next page exists. Without a cursor
-- the service binds NULL for both cursor parameters; pgbench cannot bind a NULL variable, so they are literal NULLs.
-- Variables from bench/run: :list_uid.
SELECT token_version FROM users WHERE id = :list_uid;
SELECT t.total, p.id, p.user_id, p.product_name, p.amount, p.status, p.created_at, p.updated_at
FROM (SELECT count(*) AS total FROM orders WHERE user_id = :list_uid) AS t
LEFT JOIN (
    SELECT id, user_id, product_name, amount, status, created_at, updated_at
    FROM orders
    WHERE user_id = :list_uid
      AND (created_at, id) < (COALESCE(NULL::timestamptz, 'infinity'::timestamptz),
                              COALESCE(NULL::bigint, 9223372036854775807))
    ORDER BY created_at DESC, id DESC
    LIMIT 21
) AS p ON true
ORDER BY p.created_at DESC, p.id DESC;
