package com.acme.orders.adapter.http;

import com.acme.orders.domain.order.StatusChange;
import java.time.Instant;

/** One history entry; {@code from_status} is null for the placement that opens every history. */
record StatusChangeResponse(String fromStatus, String toStatus, Instant at, String actor) {

    static StatusChangeResponse from(StatusChange change) {
        return new StatusChangeResponse(
                change.from() == null ? null : change.from().code(),
                change.to().code(),
                change.at(),
                change.actor().code());
    }
}
