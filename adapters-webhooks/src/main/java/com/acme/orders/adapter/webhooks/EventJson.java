package com.acme.orders.adapter.webhooks;

import com.acme.orders.domain.order.Order;
import com.acme.orders.domain.order.OrderEvent;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * An event's JSON as the API writes it in {@code GET /events} ({@code id, type, created_at, sequence, data}),
 * written by hand: the body is signed byte for byte, and this module needs no JSON library for one fixed shape.
 * Timestamps are RFC 3339 UTC with milliseconds, {@code amount} a number with two decimals, as everywhere in the API.
 */
final class EventJson {

    static final String ID_PREFIX = "evt_";
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private EventJson() {}

    static String id(OrderEvent event) {
        return ID_PREFIX + event.id();
    }

    static String of(OrderEvent event) {
        Order order = event.order();
        StringBuilder json = new StringBuilder(256)
                .append("{\"id\":\"")
                .append(id(event))
                .append("\",\"type\":\"")
                .append(event.type().code())
                .append("\",\"created_at\":\"")
                .append(timestamp(event.createdAt()))
                .append("\",\"sequence\":")
                .append(event.sequence())
                .append(",\"data\":{\"id\":")
                .append(order.id().value())
                .append(",\"user_id\":")
                .append(order.ownerId().value())
                .append(",\"product_name\":");
        string(json, order.productName().value());
        return json.append(",\"amount\":")
                .append(order.amount()
                        .value()
                        .setScale(2, RoundingMode.UNNECESSARY)
                        .toPlainString())
                .append(",\"status\":\"")
                .append(order.status().code())
                .append("\",\"created_at\":\"")
                .append(timestamp(order.createdAt()))
                .append("\",\"updated_at\":\"")
                .append(timestamp(order.updatedAt()))
                .append("\"}}")
                .toString();
    }

    private static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }

    /** A JSON string: quote, backslash and every control character escaped, everything else as it is. */
    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
