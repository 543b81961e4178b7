package com.acme.orders.application.port.in.webhook;

/**
 * The delivery worker's one action: takes the deliveries that are due and not taken by another worker, on any
 * instance, and starts sending each; or, when none is due, waits until one may be (a commit that wrote events, or
 * the poll interval). Safe on several instances at once: a delivery is taken by one worker at a time, and one whose
 * worker vanished is taken again once its lease is over.
 */
public interface DeliverDueEventsUseCase {

    /**
     * Starts the due deliveries, or waits for some to be due.
     *
     * @return how many deliveries this call started
     */
    int deliverDue() throws InterruptedException;
}
