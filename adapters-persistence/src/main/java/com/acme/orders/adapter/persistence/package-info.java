/**
 * Driven adapter: keeps users, orders and order histories in PostgreSQL.
 *
 * <p>{@link com.acme.orders.adapter.persistence.Database} is the entry point: it opens a HikariCP pool, migrates the
 * schema with Flyway ({@code db/migration}) and hands out the JDBI implementations of the application's driven ports
 * ({@code UserRepository}, {@code OrderRepository}, {@code IdempotencyKeys}, {@code TransactionRunner}), and the log-in
 * limits' {@code AttemptLimiter} on Bucket4j ({@link com.acme.orders.adapter.persistence.JdbcAttemptLimiter}).
 * {@link com.acme.orders.adapter.persistence.EmbeddedDatabase} runs a PostgreSQL inside the process when no server is
 * configured.
 *
 * <p>One style for all SQL: each table's statements are text-block constants of a package-private DAO class, whose
 * methods run one statement each on JDBI's fluent API, bind rows by their components
 * ({@link com.acme.orders.adapter.persistence.RowArguments}) and read them with the hand-written mappers of
 * {@link com.acme.orders.adapter.persistence.RowMappers}; DAOs hold SQL only, no decisions, and the repositories
 * translate between rows and the domain. Not SqlObject, the other style JDBI offers: single-threaded against a local
 * PostgreSQL, 200,000 calls each after warm-up, an order by id took 112 to 113 µs per call on the fluent API against
 * 149 to 159 µs through an on-demand or attached SqlObject, and the token-version lookup 106 to 123 against 130 to
 * 149 µs; SqlObject's 20 to 25 µs of client CPU per call were as much as the driver's own work for the statement.
 * The benchmark takes its copies of the statements of a request from {@code bench/pgbench/*.sql};
 * {@code BenchStatementsTest} fails when they and the DAOs' differ.
 *
 * <p>May depend on: the application's ports and the domain, JDBI, HikariCP, Flyway, the PostgreSQL driver, embedded
 * PostgreSQL, Bucket4j and SLF4J. Must not depend on: any other adapter, the application's services, or bootstrap. No JDBI,
 * Hikari or Flyway type leaks through a port.
 */
package com.acme.orders.adapter.persistence;
