/**
 * The use cases' implementations. Services check existence and ownership; the domain checks state rules.
 * Only bootstrap constructs them; adapters see the {@code port.in} interfaces, never this package.
 */
package com.acme.orders.application.service;
