package com.acme.orders.adapter.persistence;

/** A delivery as {@link WebhookDao#CLAIM_DUE} claims it: what to send, where, and as which attempt. */
record ClaimedDeliveryRow(
        long deliveryId, int attempt, long webhookId, String url, java.nio.ByteBuffer secretSealed, EventRow event) {}
