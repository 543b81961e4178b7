/**
 * Driving adapter: what runs without a request. The order-processing job on Quartz, with the JDBC job store clustered
 * on the service's PostgreSQL, so that the job runs once at a time across every instance; and the webhook delivery
 * worker, a loop of its own on each instance ({@link com.acme.orders.adapter.scheduler.WebhookDeliveryWorker}). Each
 * is calls of one application use case; no SQL and no business rule here.
 *
 * <p>Depends on the application's driving ports and the domain; never on the services or another adapter. It is
 * handed a {@link javax.sql.DataSource} by bootstrap and never opens connections of its own.
 */
package com.acme.orders.adapter.scheduler;
