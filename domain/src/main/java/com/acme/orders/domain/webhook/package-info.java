/** Webhooks: what a subscriber's endpoint is given to check that a delivery comes from this service. */
package com.acme.orders.domain.webhook;
