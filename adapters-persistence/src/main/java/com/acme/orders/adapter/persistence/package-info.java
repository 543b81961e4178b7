/**
 * Driven adapter: keeps users, orders and order histories in PostgreSQL.
 *
 * <p>{@link com.acme.orders.adapter.persistence.Database} is the entry point: it opens a HikariCP pool, migrates the
 * schema with Flyway ({@code db/migration}) and hands out the JDBI implementations of the application's driven ports
 * ({@code UserRepository}, {@code OrderRepository}, {@code TransactionRunner}).
 * {@link com.acme.orders.adapter.persistence.EmbeddedDatabase} runs a PostgreSQL inside the process when no server is
 * configured. SqlObject DAOs, row records and mappings are package-private; DAOs hold SQL only, no decisions.
 *
 * <p>May depend on: the application's ports and the domain, JDBI, HikariCP, Flyway, the PostgreSQL driver, embedded
 * PostgreSQL and SLF4J. Must not depend on: any other adapter, the application's services, or bootstrap. No JDBI,
 * Hikari or Flyway type leaks through a port.
 */
package com.acme.orders.adapter.persistence;
