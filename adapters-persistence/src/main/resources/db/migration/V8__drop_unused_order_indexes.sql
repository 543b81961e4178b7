-- Two of the prototype's indexes (V2) that no statement of the service reads: nothing selects orders by status alone
-- or by creation time alone. An owner's list and count use idx_orders_user_page, idx_orders_user_status_page and
-- idx_orders_user_id (the smallest index that answers the count, index-only); the processing job uses V4's partial
-- indexes. Each dropped index cost every insert and every status change one more index entry. GenericPlansTest
-- checks that no statement reads orders without an index afterwards.
--
-- CONCURRENTLY: dropped without blocking reads and writes of orders on a live database. Flyway runs a migration made
-- only of such statements outside a transaction.
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_status;
DROP INDEX CONCURRENTLY IF EXISTS idx_orders_created_at;
