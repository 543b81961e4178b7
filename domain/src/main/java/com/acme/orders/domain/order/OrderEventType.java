package com.acme.orders.domain.order;

import com.acme.orders.domain.shared.InvalidValueException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an order event tells: the order was placed, or moved to one of its later states. */
public enum OrderEventType {
    CREATED(OrderStatus.PENDING),
    PROCESSING(OrderStatus.PROCESSING),
    COMPLETED(OrderStatus.COMPLETED),
    CANCELLED(OrderStatus.CANCELLED);

    private final OrderStatus reached;
    private final String code;

    private static final String CODES =
            Arrays.stream(values()).map(OrderEventType::code).collect(Collectors.joining(", "));

    OrderEventType(OrderStatus reached) {
        this.reached = reached;
        this.code = "order." + name().toLowerCase(Locale.ROOT);
    }

    /** The event of a change that leaves an order in {@code status}. */
    public static OrderEventType reaching(OrderStatus status) {
        for (OrderEventType type : values()) {
            if (type.reached == status) {
                return type;
            }
        }
        throw new IllegalArgumentException("no event reaches " + status);
    }

    /** The name used on the wire: {@code order.created}, {@code order.processing}, ... */
    public String code() {
        return code;
    }

    public static OrderEventType fromCode(String code) {
        for (OrderEventType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw InvalidValueException.because("must be one of: " + CODES);
    }
}
