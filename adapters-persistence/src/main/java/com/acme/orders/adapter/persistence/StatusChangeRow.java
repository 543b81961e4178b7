package com.acme.orders.adapter.persistence;

import com.acme.orders.domain.order.Actor;
import com.acme.orders.domain.order.OrderStatus;
import com.acme.orders.domain.order.StatusChange;
import java.time.Instant;

/**
 * A row of {@code order_status_history} without its keys and its owner; statuses and actor as their codes, and the
 * change's place in its history ({@link StatusChange#sequence}).
 */
record StatusChangeRow(String fromStatus, String toStatus, Instant at, String actor, int sequence) {

    static StatusChangeRow of(StatusChange change) {
        return new StatusChangeRow(
                change.from() == null ? null : change.from().code(),
                change.to().code(),
                change.at(),
                change.actor().code(),
                change.sequence());
    }

    StatusChange toStatusChange() {
        return new StatusChange(
                fromStatus == null ? null : OrderStatus.fromCode(fromStatus),
                OrderStatus.fromCode(toStatus),
                at,
                Actor.fromCode(actor));
    }
}
