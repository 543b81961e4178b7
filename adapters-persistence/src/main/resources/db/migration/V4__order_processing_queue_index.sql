-- The processing job's two queues, oldest change first: pending orders waiting to be taken, and orders left in
-- processing past their lease. The job asks for
--     WHERE status = '<state>' AND updated_at <= :cutoff ORDER BY updated_at, id LIMIT :limit FOR UPDATE SKIP LOCKED
-- and each index answers that as one range scan read in index order that stops after LIMIT rows, however many
-- orders wait, instead of reading every order in the state and sorting them. Partial, so that each holds only the
-- orders in its state (a small share of the table once orders complete) and costs nothing to the writes of
-- completed and cancelled orders. A partial index is used only when the query's own predicate implies
-- status = '<state>' at planning time: the repository writes the state into the SQL as a literal (a bound
-- parameter would not match in a generic plan; see OrderDao.applyToOldest).
--
-- CONCURRENTLY: built without blocking writes to orders on a live database. Flyway runs a migration made only of such
-- statements outside a transaction.
CREATE INDEX CONCURRENTLY idx_orders_pending_by_change ON orders (updated_at, id) WHERE status = 'pending';
CREATE INDEX CONCURRENTLY idx_orders_processing_by_change ON orders (updated_at, id) WHERE status = 'processing';
