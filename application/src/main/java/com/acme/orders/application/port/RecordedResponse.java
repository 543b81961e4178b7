package com.acme.orders.application.port;

import com.acme.orders.domain.order.OrderId;
import java.util.Objects;

/**
 * The first answer to an idempotent create, kept to be given again to every retry: the order it created, and the
 * status and body the driving adapter sent. The application never looks inside {@code body}.
 */
public record RecordedResponse(OrderId orderId, int status, String body) {

    public RecordedResponse {
        Objects.requireNonNull(orderId, "orderId");
        Objects.requireNonNull(body, "body");
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("not a response status: " + status);
        }
    }
}
