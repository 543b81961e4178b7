/**
 * The order service's use cases: driving ports ({@code port.in}), driven ports ({@code port.out}) and the services
 * that implement the former with the latter.
 *
 * <p>Depends on the domain only: no web, database, scheduler or JSON library. Adapters plug into the ports.
 */
package com.acme.orders.application;
