/**
 * Driven adapter: the {@code EventSender} port as Standard Webhooks ({@code com.standardwebhooks:standardwebhooks})
 * over the JDK's {@code java.net.http.HttpClient}: signed POSTs, no redirects followed, nothing of an answer read but
 * its status.
 *
 * <p>Depends on the application's ports and the domain only; never on another adapter.
 */
package com.acme.orders.adapter.webhooks;
