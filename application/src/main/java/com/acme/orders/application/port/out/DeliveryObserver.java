package com.acme.orders.application.port.out;

import java.util.List;

/**
 * Told of the delivery attempts of this instance as each batch of them is written: what a metrics adapter counts
 * (attempts by outcome, how long the receivers took). Called on a sender thread; it must return at once.
 */
@FunctionalInterface
public interface DeliveryObserver {

    /** Counts nothing. */
    DeliveryObserver NONE = written -> {};

    /**
     * Counts a batch of attempts just written.
     *
     * @param written the attempts of one batch just written, each with the state its delivery is in after it; a claim
     *     that had lost its delivery (its lease ran out) is among them though nothing of it was stored
     */
    void recorded(List<WebhookDeliveries.Recording> written);
}
