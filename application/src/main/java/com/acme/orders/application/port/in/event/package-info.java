/** Driving ports of a user's order events: the feed of every status change of the user's orders. */
package com.acme.orders.application.port.in.event;
