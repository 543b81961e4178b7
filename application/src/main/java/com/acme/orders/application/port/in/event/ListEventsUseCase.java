package com.acme.orders.application.port.in.event;

/**
 * The caller's order events, oldest first, a page at a time: every status change of the caller's orders, each
 * exactly once to a reader that always continues from the page's {@code next}. With a wait, an empty page is
 * answered only once the wait is over; an event committed meanwhile ends the wait early.
 */
public interface ListEventsUseCase {

    EventPage list(ListEventsQuery query) throws InterruptedException;
}
