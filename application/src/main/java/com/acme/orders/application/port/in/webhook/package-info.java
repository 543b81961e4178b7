/**
 * Driving ports of webhooks: a user's registrations and what became of their deliveries, and the delivery worker's
 * one action.
 */
package com.acme.orders.application.port.in.webhook;
