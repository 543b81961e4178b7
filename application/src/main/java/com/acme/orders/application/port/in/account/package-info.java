/**
 * Driving ports of accounts: registration, log-in, refresh and log-out of sessions, the caller's own account, and
 * whether an access token still stands for its user.
 */
package com.acme.orders.application.port.in.account;
