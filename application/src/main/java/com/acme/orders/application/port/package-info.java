/**
 * The ports: {@code in} holds the use cases that driving adapters call, one sub-package per resource; {@code out}
 * the roles that driven adapters play. The values both sides pass (an idempotency key, the answer recorded with it,
 * a position in a list) live here, so that neither side depends on the other.
 */
package com.acme.orders.application.port;
