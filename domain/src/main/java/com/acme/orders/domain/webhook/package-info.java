/**
 * Webhooks: a user's subscriptions to the events of their orders, the key their deliveries are signed with, and the
 * rules of delivering them (how often a failed delivery is tried again).
 */
package com.acme.orders.domain.webhook;
