package com.acme.orders.adapter.persistence;

import java.util.Objects;
import java.util.Optional;

/**
 * What stands between the service's pools and PostgreSQL, and where the schema is migrated.
 *
 * <p>Behind a pooler in transaction mode (PgBouncer's {@code pool_mode = transaction}) each transaction, and each
 * statement outside one, may run on another server connection, so nothing of a session outlives it: the pools then
 * prepare no statement on the server (pgjdbc's {@code prepareThreshold=0}) and send no session setting, and Flyway,
 * whose migration lock is a session-level advisory lock, must migrate over a direct connection.
 *
 * @param transactionPooler whether the service's connections go through a pooler in transaction mode
 * @param migrations where Flyway migrates the schema; empty: over the service's own connections. Required with a
 *     transaction pooler
 */
public record PoolerSettings(boolean transactionPooler, Optional<DatabaseSettings> migrations) {

    /** Straight to PostgreSQL, migrating over the service's own pool. */
    public static final PoolerSettings NONE = new PoolerSettings(false, Optional.empty());

    public PoolerSettings {
        Objects.requireNonNull(migrations, "migrations");
        if (transactionPooler && migrations.isEmpty()) {
            throw new IllegalArgumentException(
                    "a transaction pooler cannot hold Flyway's session lock: migrations need a direct connection");
        }
    }
}
