/** Driving ports: one interface per use case, with its command or query and the failures a caller must handle. */
package com.acme.orders.application.port.in;
