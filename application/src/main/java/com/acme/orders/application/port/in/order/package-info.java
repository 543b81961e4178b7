/**
 * Driving ports of a user's own orders: place (once per idempotency key, if asked), list, read, cancel, and the
 * history; with their commands, queries and the refusals a caller must handle.
 */
package com.acme.orders.application.port.in.order;
