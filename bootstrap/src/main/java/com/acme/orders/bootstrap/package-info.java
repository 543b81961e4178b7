/**
 * Configuration, hand wiring and {@code main}: the only module that knows every other one. Everything is built with
 * plain {@code new}, in order, by {@link com.acme.orders.bootstrap.OrderServiceApp}; no container, no statics.
 */
package com.acme.orders.bootstrap;
