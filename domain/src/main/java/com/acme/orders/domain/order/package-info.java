/** Orders: their value objects, the state machine of {@link com.acme.orders.domain.order.OrderStatus}, history. */
package com.acme.orders.domain.order;
