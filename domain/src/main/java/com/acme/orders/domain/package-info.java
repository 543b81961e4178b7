/**
 * The order service's model: users, orders, their value objects and the order state machine.
 *
 * <p>Depends on the JDK only: no framework, no library, no I/O. Every rule that decides what an order or a user
 * may be or do lives here, so that no adapter and no use case can skip it.
 */
package com.acme.orders.domain;
