/**
 * Driving ports, one sub-package per resource: an interface per use case with its command or query, the failures a
 * caller must handle, and one interface per resource that gathers its use cases for the adapters that serve them
 * all.
 */
package com.acme.orders.application.port.in;
