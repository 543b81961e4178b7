/**
 * Driving adapter: the order-processing job on Quartz, clustered on the service's PostgreSQL. The job is one call to
 * the application's processing use case; no SQL and no business rule here.
 *
 * <p>Depends on the application's driving ports and the domain; never on the services or another adapter.
 * (The job itself arrives with the processing issue; this module is the seam it plugs into.)
 */
package com.acme.orders.adapter.scheduler;
