/** Driving ports of accounts: registration, log-in, and whether an access token still stands for its user. */
package com.acme.orders.application.port.in.account;
