package com.acme.orders.application.port.out;

import com.acme.orders.domain.order.OrderEvent;
import com.acme.orders.domain.webhook.WebhookSecret;
import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * Delivers one attempt of an event to a subscriber: the sink of webhooks. An implementation sends the event to
 * {@code target}, signed with {@code secret}, and says how the receiver answered; it is called outside any
 * transaction and holds no database connection while it waits. Another sink (a message broker) is another
 * implementation of this port.
 */
public interface EventSender {

    /**
     * Sends one attempt. A receiver's failure (an error status, a refused connection, a timeout, a refused target) is
     * an outcome, never an exception.
     */
    SendOutcome send(Attempt attempt);

    /** One attempt of one event to one target, at an instant (Standard Webhooks signs it). */
    record Attempt(URI target, WebhookSecret secret, OrderEvent event, Instant at) {

        public Attempt {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * How an attempt ended: the receiver's status (0 when it gave none) and, unless it answered 2xx, why it did not
     * count as delivered.
     */
    record SendOutcome(int statusCode, String error) {

        public SendOutcome {
            if (statusCode != 0 && (statusCode < 100 || statusCode > 599)) {
                throw new IllegalArgumentException("not an HTTP status: " + statusCode);
            }
            if (statusCode / 100 == 2 && error != null) {
                throw new IllegalArgumentException("a 2xx answer is no failure");
            }
            if (statusCode / 100 != 2 && error == null) {
                throw new IllegalArgumentException("a failure says why");
            }
        }

        public static SendOutcome answered(int statusCode) {
            return new SendOutcome(statusCode, statusCode / 100 == 2 ? null : "the receiver answered " + statusCode);
        }

        public static SendOutcome failed(String error) {
            return new SendOutcome(0, Objects.requireNonNull(error, "error"));
        }

        public boolean delivered() {
            return statusCode / 100 == 2;
        }
    }
}
