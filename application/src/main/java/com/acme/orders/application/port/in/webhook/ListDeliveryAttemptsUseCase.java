package com.acme.orders.application.port.in.webhook;

import com.acme.orders.application.port.DeliveryAttempt;
import java.util.List;

/** What became of the deliveries of one of the caller's webhooks: its latest attempts, newest first. */
public interface ListDeliveryAttemptsUseCase {

    /** At most this many attempts are listed. */
    int MAX_LISTED = 100;

    /**
     * The latest {@value #MAX_LISTED} attempts at most, if the requester owns the webhook.
     *
     * @throws WebhookNotFoundException when there is no such webhook or it is someone else's
     */
    List<DeliveryAttempt> deliveries(WebhookQuery query);
}
